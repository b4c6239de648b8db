import "server-only";
import { env } from "../env";

/**
 * The origin people use to reach the studio, for links we hand out (share links): PUBLIC_BASE_URL when
 * set; else the browser's Origin (a POST already passed the same-origin check), else the Host header.
 * Not `new URL(req.url).origin`: behind `HOST=0.0.0.0` that is "http://0.0.0.0:3000", a dead link.
 */
export function publicOrigin(req: Request): string {
  const configured = env().PUBLIC_BASE_URL;
  if (configured) return configured.replace(/\/+$/, "");
  const origin = req.headers.get("origin");
  if (origin && origin !== "null") return origin;
  const url = new URL(req.url);
  const host = req.headers.get("host");
  return host ? `${url.protocol}//${host}` : url.origin;
}
