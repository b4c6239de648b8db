import "server-only";
import { type MessageKey, translate, type Vars } from "@/lib/i18n/translate";
import { getLocale } from "./locale";

/** Translator for server components: `const { t, locale } = await getT();` */
export async function getT() {
  const locale = await getLocale();
  return { locale, t: (key: MessageKey, vars?: Vars) => translate(locale, key, vars) };
}
