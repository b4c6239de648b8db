"use client";
import { formatFen } from "@/lib/shared/money";
import { memo } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ProgressBar } from "@/components/ui/progress-bar";
import { formatClock, formatTime } from "@/lib/client/format";
import type { GenerationView } from "@/lib/shared/generation-view";
import { ClipActions } from "./clip-actions";
import { ClipMedia } from "./clip-media";
import { clipTiming } from "./clip-progress";
import { StatusChip } from "./status-chip";
import { useNow } from "./use-now";
import { FAILED_STATES, isIn, isTerminal } from "@/lib/shared/generation-lifecycle";

const MODE_KEY = { text: "studio.tab.text", image: "studio.tab.image", "start-end": "studio.tab.startEnd" } as const;

/** `take`: the card is Take n of a group (TakeGroupCard shows the prompt once, above its takes). */
function ClipCardImpl({ clip, take, onUpdate }: { clip: GenerationView; take?: number; onUpdate: (views: GenerationView[]) => void }) {
  const { locale, t } = useI18n();
  const running = !isTerminal(clip.status);
  const now = useNow(running);
  const { elapsedMs, remainingMs, progress } = clipTiming(clip, now);
  const pct = Math.round(progress * 100);
  const prompt = clip.prompt ? clip.prompt : t(MODE_KEY[clip.mode]);
  const label = take ? `${t("takes.group.take", { n: take })}: ${prompt}` : prompt;
  const params = useParamsLine(clip);
  const reason = isIn(FAILED_STATES, clip.status) ? (clip.errorMessage?.[locale] ?? t("studio.clip.noReason")) : null;

  return (
    <li
      id={`clip-${clip.id}`}
      tabIndex={-1}
      aria-labelledby={`clip-${clip.id}-title`}
      data-testid="clip"
      data-id={clip.id}
      data-status={clip.status}
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-3 shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 target:ring-2 target:ring-indigo-500 dark:border-zinc-800 dark:bg-zinc-950"
    >
      <ClipMedia clip={clip} label={t("studio.clip.videoLabel", { prompt: label })} />
      <div className="flex items-center justify-between gap-2">
        <StatusChip status={clip.status} />
        <span className="text-xs text-zinc-600 dark:text-zinc-400">
          {t(MODE_KEY[clip.mode])} · <time dateTime={clip.createdAt}>{formatTime(clip.createdAt, locale)}</time>
        </span>
      </div>
      {take ? (
        <h4 id={`clip-${clip.id}-title`} className="text-sm font-semibold" data-testid="take-name">
          {t("takes.group.take", { n: take })}
        </h4>
      ) : (
        <>
          <h3 id={`clip-${clip.id}-title`} className="line-clamp-2 min-h-10 text-sm leading-5 font-medium break-words" title={clip.prompt}>
            {clip.prompt || <span className="font-normal text-zinc-600 italic dark:text-zinc-400">{t("studio.clip.noPrompt")}</span>}
          </h3>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{params}</p>
        </>
      )}
      {clip.status !== "CANCELLED" && !reason && (
        <div className="flex flex-col gap-1">
          <ProgressBar
            value={pct}
            tone={clip.status === "STORED" ? "done" : clip.status === "QUEUED" ? "idle" : "active"}
            label={t("studio.clip.progressLabel", { prompt: label })}
            valueText={t("studio.clip.progressText", { pct, status: t(`studio.status.${clip.status}`) })}
          />
          <p className="flex justify-between gap-2 text-xs tabular-nums text-zinc-700 dark:text-zinc-300">
            <span>{t(running ? "studio.clip.elapsed" : "studio.clip.took", { time: formatClock(elapsedMs) })}</span>
            {running && (
              <span>
                {remainingMs === null
                  ? clip.status === "QUEUED"
                    ? t("studio.clip.waiting")
                    : "—"
                  : remainingMs > 0
                    ? t("studio.clip.remaining", { time: formatClock(remainingMs) })
                    : t("studio.clip.almost")}
              </span>
            )}
          </p>
        </div>
      )}
      {reason && (
        <p className="rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100" data-testid="clip-reason">
          {reason}
          {clip.errorCode && <span className="ml-1 text-xs opacity-80">({clip.errorCode})</span>}
          {clip.costFen > 0 && (
            <span className="block text-xs font-medium" data-testid="clip-refunded">
              {t("studio.clip.refunded", { amount: formatFen(clip.costFen) })}
            </span>
          )}
        </p>
      )}
      <ClipActions clip={clip} onUpdate={onUpdate} />
    </li>
  );
}

/** One clip: picture or player, state, timing and actions. Memoised: a tick in one card does not re-render the list. */
export const ClipCard = memo(ClipCardImpl);

/** The parameters line of a clip (aspect, style, movement, audio), shared by a card and a take group. */
export function useParamsLine(clip: GenerationView): string {
  const { t } = useI18n();
  return [
    clip.params.aspectRatio,
    clip.params.style ? t(`studio.style.${clip.params.style === "anime" ? "anime" : "general"}`) : null,
    t("studio.clip.movement", { value: t(`studio.movement.${clip.params.movementAmplitude as "auto"}`) }),
    clip.params.withAudio ? t("studio.clip.withAudio") : null,
  ]
    .filter(Boolean)
    .join(" · ");
}
