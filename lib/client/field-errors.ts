import type { Locale } from "@/lib/i18n/locales";
import { ApiError } from "./api-error";

/** A refusal's field issues as {path: message in the UI locale}, for errors shown next to their fields (empty when none). */
export function fieldErrorsOf(err: unknown, locale: Locale): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  return Object.fromEntries(err.fields.map((f) => [f.path, f.messages?.[locale] || f.message]));
}
