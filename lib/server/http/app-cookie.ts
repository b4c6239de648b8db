import "server-only";
import { servedOverHttps } from "../env";

/** A year-long, path-wide cookie of the app (workspace, locale); Secure when the studio is served over https. */
export function appCookie(name: string, value: string, opts: { httpOnly?: boolean } = {}): string {
  return [`${name}=${encodeURIComponent(value)}`, "Path=/", "Max-Age=31536000", "SameSite=Lax", ...(opts.httpOnly ? ["HttpOnly"] : []), ...(servedOverHttps() ? ["Secure"] : [])].join("; ");
}
