import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { deviceLocaleOf, isLocale, LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/locales";
import { isTimeZone, TIME_ZONE_COOKIE } from "@/lib/shared/time-format";
import { getActor } from "./auth/session";
import { env } from "./env";

/**
 * The locale of the current render (resolveLocale: this device's cookie, then the signed-in account's
 * saved language, then Accept-Language). Resolved on the server for the very first render, so a
 * signed-in page never paints in one language and re-renders in another after hydration. The
 * account is only read when the device has made no choice; once per request (React cache), however
 * many server components and metadata functions ask.
 */
export const getLocale = cache(async (): Promise<Locale> => {
  const device = (await cookies()).get(LOCALE_COOKIE)?.value;
  const account = isLocale(device) ? null : (await getActor())?.locale;
  return resolveLocale(device, account, (await headers()).get("accept-language"));
});

/** Same rule for a route handler's raw Request; `accountLocale` once the handler knows who is signed in. */
export function localeOfRequest(req: Request, accountLocale?: string | null): Locale {
  return resolveLocale(deviceLocaleOf(req.headers.get("cookie")), accountLocale, req.headers.get("accept-language"));
}

/** The viewer's time zone as their browser reported it (cookie); until it has, the instance's zone. */
export async function getTimeZone(): Promise<string> {
  const reported = (await cookies()).get(TIME_ZONE_COOKIE)?.value;
  return isTimeZone(reported) ? reported : env().BUDGET_TIME_ZONE;
}
