import "server-only";
import type { UpstreamErrorKind } from "@/lib/shared/upstream/error-codes";

export type { UpstreamErrorKind };
export type UpstreamOperation = "create" | "query";

export interface UpstreamErrorInit {
  kind: UpstreamErrorKind;
  /** HTTP status of the reply, 0 when none arrived. */
  httpStatus: number;
  /** Business code from the envelope ("1302"), or our transport code ("connect-timeout", …). */
  code: string;
  message: string;
  operation: UpstreamOperation;
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

  constructor(init: UpstreamErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.operation = init.operation;
  }

  toJSON(): Omit<UpstreamErrorInit, never> & { name: string } {
    return {
      name: this.name,
      kind: this.kind,
      httpStatus: this.httpStatus,
      code: this.code,
      message: this.message,
      operation: this.operation,
    };
  }
}

export function isUpstreamError(e: unknown): e is UpstreamError {
  return e instanceof UpstreamError;
}

const MAX_MESSAGE = 200;
const KEY_LIKE = /\b[0-9a-f]{32}\.[A-Za-z0-9]{16}\b/g;

/**
 * Remove the key (whole, and each `id.secret` half) plus anything that looks like a bearer token or
 * a BigModel key from text that came from outside (upstream bodies echo requests sometimes).
 */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  const parts = new Set<string>();
  for (const s of secrets) {
    if (!s) continue;
    parts.add(s);
    for (const half of s.split(".")) if (half.length >= 8) parts.add(half);
  }
  for (const p of [...parts].sort((a, b) => b.length - a.length)) out = out.split(p).join("[redacted]");
  return out.replace(/Bearer\s+\S+/gi, "Bearer [redacted]").replace(KEY_LIKE, "[redacted]");
}

export function safeSnippet(text: string, secrets: readonly string[]): string {
  const oneLine = redact(text, secrets).replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE)}…` : oneLine;
}
