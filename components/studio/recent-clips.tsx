"use client";
import { useMemo } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { groupTakes } from "@/components/takes/group-takes";
import type { LiveMode } from "@/lib/client/use-generations";
import type { GenerationView } from "@/lib/shared/generation-view";
import { ClipCard } from "./clip-card";
import { NotifyButton } from "./notify-button";
import { TakeGroupCard } from "./take-group-card";
import { ActionButton } from "@/components/ui/action-button";

/** The user's recent and running clips, newest first (the takes of one submit as one group), with the live-connection state and notifications. */
export function RecentClips({
  clips,
  loaded,
  loadError,
  live,
  hasMore,
  loadingMore,
  onLoadMore,
  onUpdate,
}: {
  clips: GenerationView[];
  loaded: boolean;
  loadError: boolean;
  live: LiveMode;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onUpdate: (views: GenerationView[]) => void;
}) {
  const { t } = useI18n();
  const entries = useMemo(() => groupTakes(clips), [clips]);
  return (
    <section aria-labelledby="recent-title" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <h2 id="recent-title" className="text-lg font-semibold">
          {t("studio.recent.title")}
        </h2>
        <span className="inline-flex items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400" data-live={live}>
          <span
            aria-hidden="true"
            className={`size-2 rounded-full ${live === "live" ? "bg-emerald-600 dark:bg-emerald-400" : live === "polling" ? "bg-amber-600 dark:bg-amber-400" : "bg-zinc-400"}`}
          />
          {t(`studio.live.${live}`)}
        </span>
        <div className="ml-auto">
          <NotifyButton />
        </div>
      </div>
      {loadError && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {t("studio.recent.loadError")}
        </p>
      )}
      {!loaded && !loadError ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("studio.recent.loading")}</p>
      ) : clips.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {t("studio.recent.empty")}
        </p>
      ) : (
        <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-labelledby="recent-title" data-testid="clip-list">
          {entries.map((e) =>
            e.kind === "group" ? <TakeGroupCard key={e.id} takes={e.takes} onUpdate={onUpdate} /> : <ClipCard key={e.clip.id} clip={e.clip} onUpdate={onUpdate} />,
          )}
        </ul>
      )}
      {hasMore && (
        <ActionButton
          type="button"
          onClick={onLoadMore}
          disabled={loadingMore}
          className="self-center rounded-md border border-zinc-400 px-4 py-2 text-sm font-semibold hover:bg-zinc-100 disabled:cursor-progress dark:border-zinc-600 dark:hover:bg-zinc-800"
        >
          {loadingMore ? t("studio.recent.loadingMore") : t("studio.recent.more")}
        </ActionButton>
      )}
    </section>
  );
}
