import "server-only";

// Typed failures of the SSRF-safe downloader. Callers branch on `code` (never on message text,
// docs/architecture.md, "Error taxonomy"): e.g. the worker maps http_status 403/404/410 to EXPIRED, timeout/network to a
// retry with backoff, and every blocked_* code to a permanent failure plus an operator alert.
export type SafeFetchErrorCode =
  | "blocked_scheme" // not https (and not an exact allowOrigin)
  | "blocked_host" // host not on the allowlist, IP literal, or credentials in the URL
  | "blocked_address" // DNS answer or connected peer is loopback/private/link-local/...
  | "too_large" // Content-Length or streamed bytes above maxBytes
  | "timeout" // connect, idle-stall or total deadline
  | "http_status" // final response was not 2xx (see `status`)
  | "too_many_redirects"
  | "aborted" // the caller's AbortSignal fired (e.g. the worker lost its lease)
  | "network"; // DNS failure, refused, reset, TLS error, truncated body

export class SafeFetchError extends Error {
  override readonly name = "SafeFetchError";
  readonly code: SafeFetchErrorCode;
  /** HTTP status of the final response, for `http_status`. */
  readonly status?: number;
  /** The URL (of the redirect hop) that failed; useful in logs, never shown to end users. */
  readonly url?: string;

  constructor(
    code: SafeFetchErrorCode,
    message: string,
    extra: { status?: number; url?: string; cause?: unknown } = {},
  ) {
    super(message, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.code = code;
    if (extra.status !== undefined) this.status = extra.status;
    if (extra.url !== undefined) this.url = extra.url;
  }
}

export function isSafeFetchError(e: unknown): e is SafeFetchError {
  return e instanceof SafeFetchError;
}
