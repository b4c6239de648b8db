import { localeOfHeaders } from "../i18n/locales";
import { errorBody } from "./error-body";
import { JSON_CSP } from "./security-headers.mjs";
import { hashGateProbe } from "./hash-gate-probe";

// The first check of every request, before Next sees it (scripts/server.mjs; proxy.ts for pages under
// `next dev`): the method must be one we serve, and the Host must be one this studio is configured
// for. Same-origin checks and the share links we hand out trust the Host header, so with the default
// bind 0.0.0.0 a DNS-rebinding page (its own name, resolving to this machine) could otherwise drive a
// fresh instance's sign-up. Loopback names pass with any port: a rebinding page cannot send them.

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const ALLOW = METHODS.join(", ");
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** The configuration the gate reads (process.env in scripts/server.mjs and proxy.ts). */
export interface GateConfig {
  PUBLIC_BASE_URL?: string;
  NEXTAUTH_URL?: string;
  /** Extra host names, comma-separated: `studio.lan` (any port) or `studio.lan:8080`. */
  ALLOWED_HOSTS?: string;
}

interface GateRequest {
  method: string;
  host: string | null | undefined;
  cookie: string | null | undefined;
  acceptLanguage: string | null | undefined;
}

/** A refusal, written by the caller as it is (status, headers, JSON body). */
export interface GateAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function splitHost(host: string): { name: string; port: string } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(host.trim().toLowerCase());
  return { name: (m?.[1] ?? "").replace(/\.$/, ""), port: m?.[2] ?? "" };
}

function urlHost(raw: string | undefined): string[] {
  if (!raw) return [];
  try {
    const url = new URL(raw);
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    return [`${url.hostname.toLowerCase()}:${port}`];
  } catch {
    return [];
  }
}

function answer(status: number, code: string, locale: ReturnType<typeof localeOfHeaders>, extra: Record<string, string> = {}): GateAnswer {
  return {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", "Content-Security-Policy": JSON_CSP, ...extra },
    body: JSON.stringify(errorBody(code, locale)),
  };
}

/** The gate for one configuration: null lets the request through, otherwise the answer to send. */
export function requestGate(config: GateConfig): (req: GateRequest) => GateAnswer | null {
  const exact = new Set([...urlHost(config.PUBLIC_BASE_URL), ...urlHost(config.NEXTAUTH_URL)]);
  const anyPort = new Set<string>();
  for (const entry of (config.ALLOWED_HOSTS ?? "").split(",").map((e) => e.trim()).filter(Boolean)) {
    const { name, port } = splitHost(entry);
    if (port) exact.add(`${name}:${port}`);
    else anyPort.add(name);
  }
  const hostAllowed = (host: string | null | undefined): boolean => {
    if (!host) return false;
    const { name, port } = splitHost(host);
    if (LOOPBACK.has(name) || anyPort.has(name)) return true;
    // No port in the header is the scheme's default; we do not know the scheme, so either default.
    return port ? exact.has(`${name}:${port}`) : exact.has(`${name}:80`) || exact.has(`${name}:443`);
  };
  return (req) => {
    const locale = localeOfHeaders(req.cookie ?? null, req.acceptLanguage ?? null);
    const refuse = (status: number, code: string, extra: Record<string, string> = {}) => answer(status, code, locale, extra);
    if (!METHODS.includes(req.method.toUpperCase())) return refuse(405, "method_not_allowed", { Allow: ALLOW });
    if (!hostAllowed(req.host)) return refuse(421, "misdirected_request");
    return null;
  };
}

// Anonymous requests that hash a password: the hash gate (lib/server/auth/hash-gate.ts) decides in the
// route, and refuses the same requests here first when its state says it would (no token left for the
// address, or every hashing slot and its queue taken). Handing each refusal to Next cost the server
// about as much CPU as the flooder spent sending it; here it is a lookup and a few bytes. A request
// this check misses (a path spelled another way) still meets the gate in the route.
const SIGN_IN = "POST /api/auth/callback/credentials";
const HASHING = new Set([SIGN_IN, "POST /api/account/sign-up"]);

interface HashGateRequest {
  method: string;
  /** The request target as sent (path and query). */
  url: string;
  /** The client address as the app sees it (scripts/lib/request-listener.mjs). */
  ip: string;
  /** Already checked by the request gate. */
  host: string | null | undefined;
  cookie: string | null | undefined;
  acceptLanguage: string | null | undefined;
}

/** The early hash gate: a coded 429 with Retry-After for a request the hash gate would refuse, else null. */
export function hashGateRefusal(req: HashGateRequest): GateAnswer | null {
  const route = `${req.method.toUpperCase()} ${req.url.split("?")[0] ?? ""}`;
  if (!HASHING.has(route)) return null;
  const retryAfterSec = hashGateProbe()?.wouldRefuse(req.ip);
  if (retryAfterSec == null) return null;
  const refused = answer(429, "rate_limited", localeOfHeaders(req.cookie ?? null, req.acceptLanguage ?? null), { "Retry-After": String(retryAfterSec) });
  if (route !== SIGN_IN) return refused;
  // next-auth's browser client reads its error from an absolute `url` (and throws without one): the
  // same `throttled:<seconds>` the route answers (lib/server/http/next-auth-route.ts), which the
  // sign-in form shows as a wait. Only its query is read, so the scheme does not matter.
  const url = `http://${req.host ?? "localhost"}/api/auth/error?error=${encodeURIComponent(`throttled:${retryAfterSec}`)}`;
  return { ...refused, body: JSON.stringify({ ...(JSON.parse(refused.body) as object), url }) };
}
