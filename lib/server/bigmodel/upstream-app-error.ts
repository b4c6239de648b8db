import "server-only";
import { AppError, type ErrorCode } from "@/lib/server/errors";
import type { UpstreamError, UpstreamErrorKind } from "./upstream-error";

// A synchronous call's UpstreamError (a still, a spoken line) as the one error taxonomy shows it to a
// user: by what they can do about it, with the platform's code kept for support. The video job keeps
// its own mapping to take failure reasons (generations/video-job), because a take outlives the call.

const BY_KIND: Record<UpstreamErrorKind, ErrorCode> = {
  rejected: "upstream_rejected",
  duplicate: "upstream_rejected",
  "task-missing": "upstream_rejected",
  retry: "upstream_busy",
  queue: "upstream_busy",
  // The call may have been billed without an answer; the user can only try again.
  ambiguous: "upstream_busy",
  malformed: "upstream_busy",
  breaker: "upstream_unavailable",
};

export function upstreamAppError(e: UpstreamError): AppError {
  const code: ErrorCode = e.code === "1301" ? "upstream_unsafe" : BY_KIND[e.kind];
  const headers = e.retryAfterMs === undefined || code !== "upstream_busy" ? undefined : { "Retry-After": String(Math.ceil(e.retryAfterMs / 1000)) };
  return new AppError(code, { vars: { code: e.code }, ...(headers ? { headers } : {}), cause: e });
}
