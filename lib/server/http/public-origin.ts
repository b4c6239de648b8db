import "server-only";
import { env, servedOverHttps } from "../env";

/**
 * The origin people use to reach the studio, for links we hand out (share links): PUBLIC_BASE_URL when
 * set; else the browser's Origin (a POST already passed the same-origin check), else the Host header.
 * Not `new URL(req.url).origin`: behind `HOST=0.0.0.0` that is "http://0.0.0.0:3000", a dead link.
 */
export function publicOrigin(req: Request): string {
  return originFrom(req.headers, new URL(req.url));
}

/**
 * The same rule for pages, which have the request's headers but no Request (link-preview tags need
 * absolute URLs). The Host header already passed the host gate (lib/shared/request-gate.ts).
 */
export function publicOriginOfPage(headers: Headers): string {
  const protocol = servedOverHttps() ? "https:" : "http:";
  return originFrom(headers, new URL(`${protocol}//localhost`));
}

function originFrom(headers: Headers, url: URL): string {
  const configured = env().PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const origin = headers.get("origin");
  if (origin && origin !== "null") return origin;
  const host = headers.get("host");
  return host ? `${url.protocol}//${host}` : url.origin;
}
