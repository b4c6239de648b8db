"use client";
import { createContext, useCallback, useContext, type ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { format, type MessageKey, type Messages, type Vars } from "@/lib/i18n/translate";

const I18nContext = createContext<{ locale: Locale; messages: Messages } | null>(null);

export function I18nProvider({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, messages }}>{children}</I18nContext.Provider>;
}

export function useI18n() {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  const { locale, messages } = ctx;
  const t = useCallback((key: MessageKey, vars?: Vars) => format(messages[key], vars, locale), [messages, locale]);
  return { locale, t };
}
