import "server-only";
import { randomUUID } from "node:crypto";
import type { Locale } from "@/lib/i18n/locales";
import { translate } from "@/lib/i18n/translate";
import { isTransientDbError } from "../db/retry";
import { AppError } from "../errors";
import { logger } from "../logger";

// The JSON error body every API answers with:
// { "error": { "code", "message" (request locale), "messages": { "en", "zh-CN" }, "fields"?, "correlationId"? } }
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
  const vars = { ...appErr.vars, ...(correlationId ? { correlationId } : {}) };
  const key = `errors.${appErr.code}` as const;
  const body = {
    error: {
      code: appErr.code,
      message: translate(locale, key, vars),
      messages: { en: translate("en", key, vars), "zh-CN": translate("zh-CN", key, vars) },
      ...(appErr.fields?.length
        ? {
            fields: appErr.fields.map((f) => ({
              path: f.path,
              key: f.key,
              message: translate(locale, f.key),
              messages: { en: translate("en", f.key), "zh-CN": translate("zh-CN", f.key) },
            })),
          }
        : {}),
      ...(correlationId ? { correlationId } : {}),
    },
  };
  return Response.json(body, {
    status: appErr.status,
    headers: { "Cache-Control": "no-store", "Content-Security-Policy": JSON_CSP, ...appErr.headers },
  });
}

/** JSON answers run no script and are never framed (media paths get no config CSP: see next.config.mjs). */
const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

export function json(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", JSON_CSP);
  return Response.json(data, { ...init, headers });
}
