"use client";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { CompareDialog } from "@/components/takes/compare-dialog";
import { Button } from "@/components/ui/button";
import { formatTime } from "@/lib/client/format";
import { clipFrameSize } from "@/lib/shared/clip-aspect";
import { shapeOf } from "@/lib/shared/frame-shape";
import type { GenerationView } from "@/lib/shared/generation-view";
import { formatFen } from "@/lib/shared/money";
import { ClipCard, useParamsLine } from "./clip-card";

/** Columns for n takes: portrait takes sit four abreast on a wide screen, two on a phone. */
const COLUMNS = {
  portrait: "grid-cols-2 lg:grid-cols-4",
  landscape: "grid-cols-1 sm:grid-cols-2 xl:grid-cols-3",
  square: "grid-cols-2 xl:grid-cols-4",
} as const;

/**
 * The takes of one submit as one card: the prompt and parameters once, then Take 1…n (each a full
 * clip card: player, state, actions), and "Compare takes" for two finished ones side by side.
 */
export function TakeGroupCard({ takes, onUpdate }: { takes: GenerationView[]; onUpdate: (views: GenerationView[]) => void }) {
  const { locale, t } = useI18n();
  const id = useId();
  const [comparing, setComparing] = useState(false);
  const first = takes[0]!;
  const params = useParamsLine(first);
  const stored = takes.map((take, i) => ({ n: i + 1, take })).filter((x) => x.take.status === "STORED" && x.take.media.video);
  const canCompare = stored.length >= 2;
  const shape = shapeOf(clipFrameSize(first));
  const total = takes.reduce((sum, x) => sum + x.costFen, 0);
  return (
    <li
      aria-labelledby={`${id}-title`}
      className="flex min-w-0 flex-col gap-3 rounded-xl border border-indigo-200 bg-indigo-50/40 p-3 sm:col-span-2 xl:col-span-3 dark:border-indigo-900 dark:bg-indigo-950/30"
      data-testid="take-group"
      data-count={takes.length}
      data-shape={shape}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex min-w-0 flex-col gap-1">
          <h3 id={`${id}-title`} className="line-clamp-2 text-sm leading-5 font-medium break-words" title={first.prompt}>
            {first.prompt || <span className="font-normal text-zinc-600 italic dark:text-zinc-400">{t("studio.clip.noPrompt")}</span>}
          </h3>
          <p className="text-xs text-zinc-700 dark:text-zinc-300">
            {t("takes.group.label", { count: takes.length })} · <time dateTime={first.createdAt}>{formatTime(first.createdAt, locale)}</time> · {formatFen(total)}
          </p>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{params}</p>
        </div>
        <div className="flex flex-col items-end gap-1">
          <Button type="button" variant="secondary" onClick={() => setComparing(true)} disabled={!canCompare} aria-describedby={canCompare ? undefined : `${id}-needs`} className="whitespace-nowrap" data-testid="compare-open">
            {t("takes.group.compare")}
          </Button>
          {!canCompare && (
            <p id={`${id}-needs`} className="text-xs text-zinc-700 dark:text-zinc-300">
              {t("takes.group.compareNeeds")}
            </p>
          )}
        </div>
      </div>
      <ul className={`grid gap-3 ${COLUMNS[shape]}`} aria-labelledby={`${id}-title`}>
        {takes.map((take, i) => (
          <ClipCard key={take.id} clip={take} take={i + 1} onUpdate={onUpdate} />
        ))}
      </ul>
      <CompareDialog takes={stored} open={comparing && canCompare} onClose={() => setComparing(false)} />
    </li>
  );
}
