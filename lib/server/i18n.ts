import "server-only";
import { translatorFor } from "@/lib/i18n/translate";
import { formatInstant, type InstantStyle } from "@/lib/shared/time-format";
import { getLocale, getTimeZone } from "./locale";

/** Translator for server components: `const { t, locale } = await getT();` */
export async function getT() {
  const locale = await getLocale();
  return { locale, t: translatorFor(locale) };
}

/** Server components' instant formatter (the same rule as the client's useFormatTime): the viewer's zone and language. */
export async function getFormatTime() {
  const [locale, timeZone] = await Promise.all([getLocale(), getTimeZone()]);
  return { timeZone, locale, when: (at: string | Date, style?: InstantStyle) => formatInstant(at, locale, timeZone, style) };
}
