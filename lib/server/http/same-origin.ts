import "server-only";
import { AppError } from "../errors";

/**
 * CSRF guard for state-changing requests: a browser always sends Origin (or Sec-Fetch-Site) on them,
 * and it must be this host. Requests without either (curl, server-to-server) carry no ambient
 * browser cookies by accident, so they pass and still need a valid session.
 */
export function assertSameOrigin(req: Request): void {
  const origin = req.headers.get("origin");
  const host = req.headers.get("host");
  if (origin && origin !== "null") {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      throw new AppError("csrf");
    }
    if (!host || originHost !== host) throw new AppError("csrf");
    return;
  }
  if (origin === "null") throw new AppError("csrf");
  const site = req.headers.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") throw new AppError("csrf");
}
