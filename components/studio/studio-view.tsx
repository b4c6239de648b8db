"use client";
import { useCallback } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useAnnounce } from "@/components/ui/live-region";
import { notifyIfAway } from "@/lib/client/notifications";
import { useWorkspace } from "@/lib/client/workspace-context";
import { useGenerations } from "@/lib/client/use-generations";
import type { Mode } from "@/lib/shared/generation-schemas";
import type { GenerationView } from "@/lib/shared/generation-view";
import { GenerationForm } from "./generation-form";
import { RecentClips } from "./recent-clips";
import { UpstreamBanner } from "./upstream-banner";
import { FAILED_STATES, isIn } from "@/lib/shared/generation-lifecycle";

/** The studio page's client part: form above, recent clips below. */
export function StudioView({ prices, isAdmin }: { prices: Record<Mode, number>; isAdmin: boolean }) {
  const workspace = useWorkspace();
  const { locale, t } = useI18n();
  const announce = useAnnounce();
  const onChange = useCallback(
    (_prev: GenerationView | undefined, next: GenerationView) => {
      const name = next.prompt ? `“${next.prompt.slice(0, 60)}”` : t("studio.clip.untitled");
      if (next.status === "STORED") {
        announce(t("studio.clip.readyAnnounce", { name }));
        notifyIfAway(t("studio.notify.readyTitle"), next.prompt || t("studio.clip.untitled"), next.id, () =>
          document.getElementById(`clip-${next.id}`)?.focus(),
        );
      } else if (isIn(FAILED_STATES, next.status)) {
        announce(t("studio.clip.failedAnnounce", { name, reason: next.errorMessage?.[locale] ?? "" }));
      }
    },
    [announce, locale, t],
  );
  const gens = useGenerations(onChange);
  const onAccepted = useCallback((view: GenerationView) => gens.upsert([view]), [gens]);
  return (
    <div className="flex flex-col gap-8">
      <UpstreamBanner isAdmin={isAdmin} />
      {workspace.teamName && (
        <p
          className="rounded-lg border border-indigo-300 bg-indigo-50 p-3 text-sm text-indigo-950 dark:border-indigo-700 dark:bg-indigo-950 dark:text-indigo-100"
          data-testid="workspace-notice"
        >
          {t(workspace.canGenerate ? "workspace.teamNotice" : "workspace.viewerNotice", { team: workspace.teamName })}
        </p>
      )}
      {/* Keyed by workspace: each workspace restores and saves its own draft. */}
      {workspace.canGenerate && <GenerationForm key={workspace.teamId ?? "personal"} prices={prices} onAccepted={onAccepted} />}
      <RecentClips
        clips={gens.clips}
        loaded={gens.loaded}
        loadError={gens.loadError}
        live={gens.live}
        hasMore={gens.hasMore}
        loadingMore={gens.loadingMore}
        onLoadMore={() => void gens.loadMore()}
        onUpdate={gens.upsert}
      />
    </div>
  );
}
