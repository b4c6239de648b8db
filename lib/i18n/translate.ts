import { en, type MessageKey } from "./messages/en";
import { zhCN } from "./messages/zh-CN";
import type { Locale } from "./locales";

export type { MessageKey };
export type Messages = Record<MessageKey, string>;
export type Vars = Record<string, string | number>;

const catalogues: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

export function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  return format(catalogues[locale][key], vars);
}

/** A message lookup bound to one locale: what server components are handed as `t`. */
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translatorFor(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars);
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
