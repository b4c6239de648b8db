import "server-only";
import { randomUUID } from "node:crypto";
import type { Locale } from "@/lib/i18n/locales";
import { errorBody } from "@/lib/shared/error-body";
import { JSON_CSP } from "@/lib/shared/security-headers.mjs";
import { isTransientDbError } from "../db/retry";
import { AppError } from "../errors";
import { logger } from "../logger";

// The JSON error body every API answers with: lib/shared/error-body.ts. Media paths get no config CSP
// (next.config.mjs), so JSON answers carry their own.
export function errorResponse(err: unknown, locale: Locale): Response {
  let appErr: AppError;
  let correlationId: string | undefined;
  if (err instanceof AppError) {
    appErr = err;
  } else if (isTransientDbError(err)) {
    // Contention that outlasted the retries (another process held the write lock): try again, not a bug.
    appErr = new AppError("busy", { cause: err, headers: { "Retry-After": "1" } });
  } else {
    correlationId = randomUUID();
    // Log the real cause server-side only; the client gets a generic message and the id.
    logger.error("unhandled error in route", { correlationId, err });
    appErr = new AppError("internal", { vars: { correlationId } });
  }
  if (appErr.code === "internal" && !correlationId) {
    correlationId = String(appErr.vars?.correlationId ?? randomUUID());
  }
  const body = errorBody(appErr.code, locale, { vars: appErr.vars, fields: appErr.fields, correlationId, messageKey: appErr.messageKey });
  return Response.json(body, {
    status: appErr.status,
    headers: { "Cache-Control": "no-store", "Content-Security-Policy": JSON_CSP, ...appErr.headers },
  });
}

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", JSON_CSP);
  return Response.json(data, { ...init, headers });
}
