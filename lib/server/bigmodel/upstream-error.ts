import "server-only";
import type { UpstreamErrorKind } from "@/lib/shared/upstream/error-codes";
import { redactSecrets } from "../redact-secrets";

export type { UpstreamErrorKind };
/** Which call failed: a video create or poll, a chat completion, an image generation, a speech synthesis. */
export type UpstreamOperation = "create" | "query" | "chat" | "image" | "speech";

export interface UpstreamErrorInit {
  kind: UpstreamErrorKind;
  /** HTTP status of the reply, 0 when none arrived. */
  httpStatus: number;
  /** Business code from the envelope ("1302"), or our transport code ("connect-timeout", …). */
  code: string;
  message: string;
  operation: UpstreamOperation;
  /** How long the upstream asked us to wait (Retry-After), when it said so. */
  retryAfterMs?: number;
}

/**
 * The one error the client throws. It carries only values we built ourselves (kind, status, code, a
 * redacted and truncated message): no request options, headers or socket objects, so stringifying
 * or inspecting it can never reveal the key.
 */
export class UpstreamError extends Error {
  override readonly name = "UpstreamError";
  readonly kind: UpstreamErrorKind;
  readonly httpStatus: number;
  readonly code: string;
  readonly operation: UpstreamOperation;
  readonly retryAfterMs?: number;

  constructor(init: UpstreamErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.operation = init.operation;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
  }

  toJSON(): Omit<UpstreamErrorInit, never> & { name: string } {
    return {
      name: this.name,
      kind: this.kind,
      httpStatus: this.httpStatus,
      code: this.code,
      message: this.message,
      operation: this.operation,
      ...(this.retryAfterMs === undefined ? {} : { retryAfterMs: this.retryAfterMs }),
    };
  }
}

export function isUpstreamError(e: unknown): e is UpstreamError {
  return e instanceof UpstreamError;
}

const MAX_MESSAGE = 200;
/** A Retry-After longer than this is read as this: the breaker and the poll ceiling bound longer waits. */
const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Retry-After (delta seconds or an HTTP date) → milliseconds to wait; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const v = value.trim();
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  if (!Number.isFinite(ms)) return undefined;
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

/** Text from outside (an upstream body or transport error) made safe to carry: redacted, one line, short. */
export function safeSnippet(text: string, secrets: readonly string[]): string {
  const oneLine = redactSecrets(text, secrets).replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE)}…` : oneLine;
}
