// The one rule for showing an instant: in the VIEWER's time zone, in their language. The browser
// reports its zone into a cookie (components/i18n/time-zone.tsx); server renders read it
// (lib/server/locale.ts), so the server's and the browser's text agree and nothing flips on hydration.
// Budgets still count days and months in the instance's zone (BUDGET_TIME_ZONE); pages that show
// both say which is which.

export const TIME_ZONE_COOKIE = "fh_tz";

export type InstantStyle = "dateTime" | "date" | "longDate" | "time";

const OPTIONS: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: "medium", timeStyle: "short" },
  date: { dateStyle: "medium" },
  longDate: { dateStyle: "long" },
  time: { hour: "2-digit", minute: "2-digit" },
};

/** An IANA zone this runtime knows ("Asia/Shanghai", "UTC"). */
export function isTimeZone(v: unknown): v is string {
  if (typeof v !== "string" || v.length === 0 || v.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: v });
    return true;
  } catch {
    return false;
  }
}

/** `iso` (or a Date) as the viewer reads it; an unreadable value is shown as "—". */
export function formatInstant(at: string | Date, locale: string, timeZone: string, style: InstantStyle = "dateTime"): string {
  const d = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(d.getTime())) return "—";
  return new Intl.DateTimeFormat(locale, { ...OPTIONS[style], timeZone }).format(d);
}

/** "Asia/Shanghai (GMT+8)": the zone's name and its current offset, for "times are shown in …". */
export function zoneLabel(timeZone: string, locale: string, now = new Date()): string {
  const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "shortOffset" }).formatToParts(now).find((p) => p.type === "timeZoneName");
  return part ? `${timeZone} (${part.value})` : timeZone;
}
