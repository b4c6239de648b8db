// Isomorphic locale helpers (used by proxy, server components and client components).
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "fh_locale";

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

/** Best locale for an Accept-Language header: any zh variant -> zh-CN, any en -> en, by q order. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .split(",")
    .map((part, i) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag: tag.toLowerCase(), weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.tag && x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { tag } of ranked) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return DEFAULT_LOCALE;
}

/**
 * THE locale rule, for every page render and API answer: this device's explicit choice (the locale
 * cookie, set by the language switch) first; then the signed-in account's saved language, so a new
 * device shows it from the first paint; then the browser's Accept-Language. An unknown or malformed
 * value at any step is no choice, not an error.
 */
export function resolveLocale(device: string | null | undefined, account: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(device)) return device;
  if (isLocale(account)) return account;
  return negotiateLocale(acceptLanguage);
}

/** This device's choice in a raw Cookie header (undefined when absent or malformed). */
export function deviceLocaleOf(cookie: string | null | undefined): string | undefined {
  const m = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie ?? "");
  try {
    return m?.[1] ? decodeURIComponent(m[1]) : undefined;
  } catch {
    return undefined; // a malformed escape is no choice, not an error
  }
}

/** The rule over raw request headers, before the account is known (the proxy's early refusals). */
export function localeOfHeaders(cookie: string | null, acceptLanguage: string | null): Locale {
  return resolveLocale(deviceLocaleOf(cookie), null, acceptLanguage);
}
