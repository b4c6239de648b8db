import "server-only";
import { AppError } from "../errors";

// The client-chosen Idempotency-Key (docs/reliability.md, "Queueing a take"): required on every submit and retry.
const IDEMPOTENCY_KEY_RE = /^[A-Za-z0-9_-]{8,128}$/;

export function idempotencyKeyOf(req: Request): string {
  const key = req.headers.get("idempotency-key")?.trim() ?? "";
  if (!IDEMPOTENCY_KEY_RE.test(key)) throw new AppError("idempotency_key_required");
  return key;
}
