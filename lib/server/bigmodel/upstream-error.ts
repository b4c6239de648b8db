import "server-only";
import type { UpstreamErrorKind } from "@/lib/shared/upstream/error-codes";
import { redactSecrets } from "../redact-secrets";

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

/** Text from outside (an upstream body or transport error) made safe to carry: redacted, one line, short. */
export function safeSnippet(text: string, secrets: readonly string[]): string {
  const oneLine = redactSecrets(text, secrets).replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_MESSAGE ? `${oneLine.slice(0, MAX_MESSAGE)}…` : oneLine;
}
