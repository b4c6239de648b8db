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

/** The locale of raw request headers: the explicit choice (locale cookie) first, then Accept-Language. */
export function localeOfHeaders(cookie: string | null, acceptLanguage: string | null): Locale {
  const m = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`).exec(cookie ?? "");
  let chosen: string | undefined;
  try {
    chosen = m?.[1] ? decodeURIComponent(m[1]) : undefined;
  } catch {
    chosen = undefined; // a malformed escape is no choice, not an error
  }
  return isLocale(chosen) ? chosen : negotiateLocale(acceptLanguage);
}
