"use client";
import { usePathname, useRouter } from "next/navigation";
import { createContext, type ReactNode, useCallback, useContext, useEffect } from "react";
import { formatInstant, type InstantStyle, TIME_ZONE_COOKIE } from "@/lib/shared/time-format";
import { useI18n } from "./i18n-provider";

// The viewer's time zone for every date the UI shows (lib/shared/time-format.ts has the rule). The
// server renders with the zone this browser reported last (cookie); the provider keeps client renders
// on that same zone, so hydration never disagrees. When the browser's zone differs (first visit,
// travel), it reports the new zone and re-renders the page's server parts once.

const TimeZoneContext = createContext<string>("UTC");

const YEAR_SECONDS = 365 * 24 * 3600;

export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  const router = useRouter();
  const pathname = usePathname();
  useEffect(() => {
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!browser || browser === timeZone) return;
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(browser)}; path=/; max-age=${YEAR_SECONDS}; samesite=lax${secure}`;
    // A public share page counts each load as a view: it picks the zone up on its next load instead.
    if (!pathname.startsWith("/s/")) router.refresh();
  }, [timeZone, router, pathname]);
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/** The viewer's zone (IANA name). */
function useTimeZone(): string {
  return useContext(TimeZoneContext);
}

/** `when(iso, style?)`: an instant in the viewer's zone and language (the one formatter of the UI). */
export function useFormatTime(): (at: string | Date, style?: InstantStyle) => string {
  const { locale } = useI18n();
  const timeZone = useTimeZone();
  return useCallback((at, style) => formatInstant(at, locale, timeZone, style), [locale, timeZone]);
}
