import type { Locale } from "@/lib/i18n/locales";

// Locale-aware relative dates (absolute ones: useFormatTime, components/i18n/time-zone.tsx) ("3 minutes ago" / "3分钟前") and durations between two instants.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["week", 7 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

export function relativeTime(iso: string, locale: Locale, now: number, justNow: string): string {
  const diff = Date.parse(iso) - now;
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(Math.round(diff / ms), unit);
  }
  return justNow;
}

/** "1 min 35 s" style span between two ISO instants, or null when either is missing. */
export function spanBetween(from: string | null, to: string | null, locale: Locale): string | null {
  if (!from || !to) return null;
  const ms = Math.max(0, Date.parse(to) - Date.parse(from));
  const s = Math.round(ms / 1000);
  const fmt = (value: number, unit: "minute" | "second") => new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "short" }).format(value);
  if (s < 60) return fmt(s, "second");
  return `${fmt(Math.floor(s / 60), "minute")} ${fmt(s % 60, "second")}`;
}
