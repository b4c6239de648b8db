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

// A phrase that depends on a count is written in the ICU plural form, kept to what the catalogues
// need: `{count, plural, one {# clip} other {# clips}}`; `#` is the number, `=N` matches exactly, and
// a branch is plain text (no nested placeholders: put those outside the plural). The branch is chosen
// by the locale's plural rules; Chinese has no plural forms, so zh-CN messages write `{count}` plainly.
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
const BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g;
const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralCategory(locale: Locale, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}

function pluralOf(locale: Locale, whole: string, raw: string | number, branches: string): string {
  const n = typeof raw === "number" ? raw : Number(raw);
  if (!Number.isFinite(n)) return whole;
  const choices = new Map([...branches.matchAll(BRANCH)].map((m) => [m[1] ?? "", m[2] ?? ""]));
  const text = choices.get(`=${n}`) ?? choices.get(pluralCategory(locale, n)) ?? choices.get("other");
  return text === undefined ? whole : text.replaceAll("#", String(raw));
}

export function format(template: string, vars?: Vars, locale: Locale = "en"): string {
  if (!vars) return template;
  return template
    .replace(PLURAL, (m, name: string, branches: string) => (name in vars ? pluralOf(locale, m, vars[name] ?? "", branches) : m))
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  return format(catalogues[locale][key], vars, locale);
}

/** A message lookup bound to one locale: what server components are handed as `t`. */
export type Translate = (key: MessageKey, vars?: Vars) => string;

export function translatorFor(locale: Locale): Translate {
  return (key, vars) => translate(locale, key, vars);
}

export function isMessageKey(key: string): key is MessageKey {
  return key in en;
}
