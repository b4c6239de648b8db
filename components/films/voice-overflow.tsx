"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { FilmView, ShotView } from "@/lib/shared/film/film-views";

// Lines longer than their shots (and lines changed since they were voiced), flagged where it matters before an export: on the shot's card, in
// its Voice section and in the export panel. The export still runs (each line is cut at its shot's
// end), so these are warnings with the overflow in seconds, not refusals.

/** Shot number and overflow of every voiced line that runs past its shot. */
export function voiceOverflows(film: Pick<FilmView, "shots">): { n: number; seconds: number }[] {
  return film.shots.flatMap((s, i) => (s.voice && s.voice.overflowSeconds > 0 ? [{ n: i + 1, seconds: s.voice.overflowSeconds }] : []));
}

/** Numbers of the shots whose stored voice-over was spoken from an older caption (left out of exports). */
export function staleVoices(film: Pick<FilmView, "shots">): number[] {
  return film.shots.flatMap((s, i) => (s.voice?.status === "done" && s.voice.stale ? [i + 1] : []));
}

/** "The line runs 1.4 s longer than the shot." in the shot's Voice section. */
export function VoiceOverflowNote({ seconds }: { seconds: number }) {
  const { t } = useI18n();
  if (seconds <= 0) return null;
  return (
    <p className="text-sm font-medium text-amber-800 dark:text-amber-300" data-testid="voice-overflow">
      {t("voice.overflow", { seconds: seconds.toFixed(1) })}
    </p>
  );
}

/** A small badge on the storyboard's shot card. */
export function VoiceOverflowBadge({ shot }: { shot: Pick<ShotView, "voice"> }) {
  const { t } = useI18n();
  const seconds = shot.voice?.overflowSeconds ?? 0;
  if (seconds <= 0) return null;
  return (
    <span
      className="inline-flex items-center rounded-full border border-amber-600 bg-amber-50 px-2 py-0.5 text-xs font-semibold text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100"
      title={t("voice.overflow", { seconds: seconds.toFixed(1) })}
      data-testid="voice-overflow-badge"
    >
      {t("voice.overflow_badge", { seconds: seconds.toFixed(1) })}
    </span>
  );
}

/** The export panel's warning, listing each line that will be cut. */
export function VoiceOverflowWarning({ overflows }: { overflows: { n: number; seconds: number }[] }) {
  const { t } = useI18n();
  if (overflows.length === 0) return null;
  const list = overflows.map((o) => t("voice.export_overflow_item", { n: o.n, seconds: o.seconds.toFixed(1) })).join(", ");
  return (
    <p role="status" className="text-sm font-medium text-amber-800 dark:text-amber-300" data-testid="export-voice-overflow">
      {t("voice.export_overflow", { list })}
    </p>
  );
}

/** The export panel's note on lines changed since they were voiced: those voice-overs are left out. */
export function VoiceStaleWarning({ shots }: { shots: number[] }) {
  const { t } = useI18n();
  if (shots.length === 0) return null;
  return (
    <p role="status" className="text-sm font-medium text-amber-800 dark:text-amber-300" data-testid="export-voice-stale">
      {t("voice.export_stale", { list: shots.join(", ") })}
    </p>
  );
}
