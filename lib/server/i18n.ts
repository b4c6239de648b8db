import "server-only";
import { translatorFor } from "@/lib/i18n/translate";
import { getLocale } from "./locale";

/** Translator for server components: `const { t, locale } = await getT();` */
export async function getT() {
  const locale = await getLocale();
  return { locale, t: translatorFor(locale) };
}
