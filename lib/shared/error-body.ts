import type { Locale } from "../i18n/locales";
import { type MessageKey, translate, type Vars } from "../i18n/translate";

// The JSON error body every answer of ours uses, built in one place for the route handlers
// (lib/server/http/respond.ts) and for the request gate in front of Next (lib/shared/request-gate.ts):
// { "error": { "code", "message" (request locale), "messages": { "en", "zh-CN" }, "fields"?, "correlationId"? } }

interface BodyField {
  path: string;
  key: MessageKey;
}

function bilingual(locale: Locale, key: MessageKey, vars?: Vars) {
  return { message: translate(locale, key, vars), messages: { en: translate("en", key, vars), "zh-CN": translate("zh-CN", key, vars) } };
}

export function errorBody(code: string, locale: Locale, opts: { vars?: Vars; fields?: BodyField[]; correlationId?: string; messageKey?: MessageKey } = {}) {
  const vars = { ...opts.vars, ...(opts.correlationId ? { correlationId: opts.correlationId } : {}) };
  return {
    error: {
      code,
      ...bilingual(locale, opts.messageKey ?? (`errors.${code}` as MessageKey), vars),
      ...(opts.fields?.length ? { fields: opts.fields.map((f) => ({ path: f.path, key: f.key, ...bilingual(locale, f.key) })) } : {}),
      ...(opts.correlationId ? { correlationId: opts.correlationId } : {}),
    },
  };
}
