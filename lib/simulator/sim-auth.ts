import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

// The Authorization forms the platform's clients send (docs/upstream.md, "Authentication"): the raw
// key with or without "Bearer " (the documentation's curl examples omit it), and a JWT signed with
// the key's secret, again with or without "Bearer " (older official SDKs send it bare). The JWT
// follows the official SDKs: header {"alg":"HS256","sign_type":"SIGN"}, claims api_key (the key's id),
// exp and timestamp in milliseconds. The TypeScript SDK puts exp in seconds, so a value too small to
// be milliseconds is read as seconds.

export type AuthResult = { ok: true; account: string } | { ok: false; code: "1001" | "1002" | "1003" | "1004" | "401" };

function accountOf(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 16);
}

function b64urlJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** exp in milliseconds (Python/Java SDKs) or seconds (TypeScript SDK). */
function expiryMs(exp: number): number {
  return exp < 1e12 ? exp * 1000 : exp;
}

function verifyJwt(token: string, keys: ReadonlySet<string>, nowMs: number): AuthResult {
  const [h, p, s] = token.split(".");
  const header = b64urlJson(h ?? "");
  const payload = b64urlJson(p ?? "");
  if (!isRecord(header) || !isRecord(payload) || !s) return { ok: false, code: "1002" };
  if (header.alg !== "HS256" || typeof payload.api_key !== "string" || typeof payload.exp !== "number") {
    return { ok: false, code: "1002" };
  }
  const key = [...keys].find((k) => k.split(".")[0] === payload.api_key);
  if (!key) return { ok: false, code: "401" };
  const secret = key.slice(key.indexOf(".") + 1);
  const expected = createHmac("sha256", secret).update(`${h}.${p}`).digest();
  const given = Buffer.from(s, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, code: "1004" };
  if (expiryMs(payload.exp) <= nowMs) return { ok: false, code: "1003" };
  return { ok: true, account: accountOf(key) };
}

/** Missing header → 1001; a known key in any accepted form → its account; otherwise the platform's code. */
export function authenticate(req: IncomingMessage, keys: ReadonlySet<string>, nowMs: number): AuthResult {
  const header = req.headers.authorization?.trim();
  if (!header) return { ok: false, code: "1001" };
  const bearer = /^Bearer\s+(\S+)$/i.exec(header);
  const credential = bearer?.[1] ?? header;
  if (/\s/.test(credential)) return { ok: false, code: "401" };
  if (keys.has(credential)) return { ok: true, account: accountOf(credential) };
  // A key is "<id>.<secret>" (one dot); a JWT has three parts.
  if (credential.split(".").length === 3) return verifyJwt(credential, keys, nowMs);
  return { ok: false, code: "401" };
}
