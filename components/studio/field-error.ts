"use client";
import type { Locale } from "@/lib/i18n/locales";
import type { MessageKey, Vars } from "@/lib/i18n/translate";
import type { FieldError } from "./form-state";

/** The text of a field error in the UI locale (keys are translated at render so a language switch follows). */
export function fieldErrorText(err: FieldError | undefined, locale: Locale, t: (k: MessageKey, v?: Vars) => string): string | undefined {
  if (!err) return undefined;
  if ("key" in err) return t(err.key, err.vars);
  if (err.api.status === 0) return t("studio.error.network");
  return err.api.localized(locale);
}
