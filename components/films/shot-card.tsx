"use client";
import type { DragEvent, KeyboardEvent } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import type { ShotStatus } from "@/lib/shared/film/shot-lifecycle";
import type { ShotView } from "@/lib/shared/film/film-views";
import type { GenerationView } from "@/lib/shared/generation-view";
import { formatFen } from "@/lib/shared/money";
import { framesToSeconds, trimmedFrames } from "./shot-format";
import { VoiceOverflowBadge } from "./voice-overflow";
import { ActionButton } from "@/components/ui/action-button";

const TONE: Record<ShotStatus, string> = {
  no_take: "border-zinc-400 bg-zinc-100 text-zinc-800 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100",
  generating: "border-indigo-600 bg-indigo-50 text-indigo-900 dark:border-indigo-400 dark:bg-indigo-950 dark:text-indigo-100",
  ready: "border-sky-600 bg-sky-50 text-sky-900 dark:border-sky-400 dark:bg-sky-950 dark:text-sky-100",
  approved: "border-emerald-600 bg-emerald-50 text-emerald-900 dark:border-emerald-400 dark:bg-emerald-950 dark:text-emerald-100",
  sent_back: "border-amber-600 bg-amber-50 text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100",
  out_of_date: "border-amber-600 bg-amber-50 text-amber-900 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-100",
  blocked: "border-red-600 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100",
};

function ShotStatusChip({ status }: { status: ShotStatus }) {
  const { t } = useI18n();
  return (
    <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-semibold ${TONE[status]}`} data-shot-status={status}>
      {t(`film.shotStatus.${status}`)}
    </span>
  );
}

const small =
  "min-h-9 min-w-9 rounded-md border border-zinc-300 px-2 text-xs font-medium text-zinc-800 hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-800";

/**
 * One shot of the strip: a button that selects it (poster of the chosen take, number, status,
 * duration after the trim, cost so far) and its own actions. Reordering: drag the card, or its Move
 * earlier / later buttons, or Alt+Arrow while the card's button or its move buttons have focus.
 */
export function ShotCard({
  shot,
  count,
  selected,
  chosen,
  canEdit,
  busy,
  onSelect,
  onMove,
  onDuplicate,
  onDelete,
  onDropOn,
}: {
  shot: ShotView;
  count: number;
  selected: boolean;
  chosen: GenerationView | undefined;
  canEdit: boolean;
  busy: boolean;
  onSelect: () => void;
  onMove: (delta: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
  onDropOn: (draggedId: string) => void;
}) {
  const { t } = useI18n();
  const n = shot.position + 1;
  const poster = chosen?.media.poster?.url ?? chosen?.media.cover?.url;

  function onKeyDown(e: KeyboardEvent) {
    if (!canEdit || !e.altKey) return;
    if (e.key === "ArrowLeft" || e.key === "ArrowUp") {
      e.preventDefault();
      if (shot.position > 0) onMove(-1);
    } else if (e.key === "ArrowRight" || e.key === "ArrowDown") {
      e.preventDefault();
      if (shot.position < count - 1) onMove(1);
    }
  }
  const drag = canEdit
    ? {
        draggable: true,
        onDragStart: (e: DragEvent) => {
          e.dataTransfer.setData("text/x-shot", shot.id);
          e.dataTransfer.effectAllowed = "move";
        },
        onDragOver: (e: DragEvent) => {
          if (e.dataTransfer.types.includes("text/x-shot")) e.preventDefault();
        },
        onDrop: (e: DragEvent) => {
          const id = e.dataTransfer.getData("text/x-shot");
          e.preventDefault();
          if (id && id !== shot.id) onDropOn(id);
        },
      }
    : {};

  return (
    <li
      {...drag}
      className={`flex w-44 shrink-0 flex-col gap-1.5 rounded-lg border p-2 ${
        selected ? "border-indigo-700 ring-2 ring-indigo-600 dark:border-indigo-300 dark:ring-indigo-300" : "border-zinc-300 dark:border-zinc-700"
      }`}
      data-testid="shot-card"
      data-shot-id={shot.id}
      data-position={shot.position}
      data-status={shot.status}
    >
      <ActionButton
        type="button"
        id={`shot-${shot.id}`}
        onClick={onSelect}
        onKeyDown={onKeyDown}
        aria-pressed={selected}
        aria-keyshortcuts={canEdit ? "Alt+ArrowLeft Alt+ArrowRight" : undefined}
        className="flex flex-col gap-1 rounded-md text-left"
        data-testid="shot-select"
      >
        <span className="relative flex aspect-video w-full items-center justify-center overflow-hidden rounded bg-zinc-100 dark:bg-zinc-900">
          {poster ? (
            // eslint-disable-next-line @next/next/no-img-element -- our own authorised media route, already small
            <img src={poster} alt="" className="h-full w-full object-cover" />
          ) : (
            <span aria-hidden="true" className="text-2xl text-zinc-400 dark:text-zinc-600">
              ▶
            </span>
          )}
        </span>
        <span className="text-sm font-semibold">{t("films.shot.name", { n })}</span>
        <span className="line-clamp-2 min-h-8 text-xs text-zinc-700 dark:text-zinc-300">{shot.prompt || t("films.shot.noPrompt")}</span>
      </ActionButton>
      <div className="flex flex-wrap items-center gap-1 text-xs text-zinc-700 dark:text-zinc-300">
        <ShotStatusChip status={shot.status} />
        <span data-testid="shot-duration">{framesToSeconds(trimmedFrames(shot))}</span>
        <span>· {formatFen(shot.costFen)}</span>
        <VoiceOverflowBadge shot={shot} />
      </div>
      {canEdit && (
        <div className="flex flex-wrap gap-1">
          <ActionButton type="button" className={small} disabled={busy || shot.position === 0} onClick={() => onMove(-1)} onKeyDown={onKeyDown} aria-label={t("films.shot.moveEarlier", { n })}>
            ←
          </ActionButton>
          <ActionButton type="button" className={small} disabled={busy || shot.position >= count - 1} onClick={() => onMove(1)} onKeyDown={onKeyDown} aria-label={t("films.shot.moveLater", { n })}>
            →
          </ActionButton>
          <ActionButton type="button" className={small} disabled={busy} onClick={onDuplicate} aria-label={t("films.shot.duplicateN", { n })}>
            {t("films.shot.duplicate")}
          </ActionButton>
          <ActionButton type="button" className={`${small} text-red-800 dark:text-red-300`} disabled={busy} onClick={onDelete} aria-label={t("films.shot.deleteN", { n })}>
            {t("films.shot.delete")}
          </ActionButton>
        </div>
      )}
    </li>
  );
}
