"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ReviewPanel } from "./review-panel";
import { ShotEditor } from "./shot-editor";
import { StillsPanel } from "./stills-panel";
import { TakesPanel } from "./takes-panel";
import { VoiceSection } from "./voice-section";
import type { ShotPanelProps } from "./shot-panel-props";

/** Everything about the selected shot: its editor and stills beside its takes, review and comments. */
export function ShotPanel({ film, shot, takes, canEdit, onFilm }: ShotPanelProps) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="shot-panel-title" className="flex flex-col gap-3 rounded-xl border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800" data-testid="shot-panel">
      <h2 id="shot-panel-title" className="text-lg font-semibold">
        {t("films.shot.name", { n: shot.position + 1 })}
      </h2>
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-6">
          <ShotEditor shot={shot} canEdit={canEdit} onFilm={onFilm} />
          <StillsPanel key={shot.id} shot={shot} canEdit={canEdit} onFilm={onFilm} />
          <VoiceSection film={film} shot={shot} canEdit={canEdit} onFilm={onFilm} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <TakesPanel film={film} shot={shot} takes={takes} canEdit={canEdit} onFilm={onFilm} />
          <ReviewPanel film={film} shot={shot} takes={takes} canEdit={canEdit} onFilm={onFilm} />
        </div>
      </div>
    </section>
  );
}
