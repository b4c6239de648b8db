import "server-only";
import { cookies, headers } from "next/headers";
import { isLocale, LOCALE_COOKIE, localeOfHeaders, negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { isTimeZone, TIME_ZONE_COOKIE } from "@/lib/shared/time-format";
import { env } from "./env";

/** The visitor's locale: explicit choice (cookie) first, then the browser's Accept-Language. */
export async function getLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}

/** Same rule for a raw Request (route handlers that only have the request). */
export function localeOfRequest(req: Request): Locale {
  return localeOfHeaders(req.headers.get("cookie"), req.headers.get("accept-language"));
}

/** The viewer's time zone as their browser reported it (cookie); until it has, the instance's zone. */
export async function getTimeZone(): Promise<string> {
  const reported = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return isTimeZone(reported) ? reported : env().BUDGET_TIME_ZONE;
}
