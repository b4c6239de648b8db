import "server-only";
import { env } from "../env";

// scripts/start.mjs generates and persists AUTH_SECRET under DATA_DIR when it is not configured,
// so a fresh install works with no setup; a dev server without one gets a fixed dev-only value.
export function authSecret(): string {
  const e = env();
  if (e.AUTH_SECRET) return e.AUTH_SECRET;
  if (e.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET: required in production (npm start generates one automatically)");
  }
  return "framehouse-development-secret-not-for-production";
}
