"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { sceneGroups } from "@/lib/shared/film/scene-groups";
import type { ShotView } from "@/lib/shared/film/film-views";
import type { GenerationView } from "@/lib/shared/generation-view";
import { ShotCard } from "./shot-card";

/**
 * The storyboard strip: the shots in their one order, grouped under their scene headings (a heading
 * starts a scene at its shot). Each scene is a heading and a numbered list continuing the film's numbering.
 */
export function ShotStrip({
  shots,
  takes,
  selectedId,
  canEdit,
  busy,
  onSelect,
  onMove,
  onDuplicate,
  onDelete,
}: {
  shots: readonly ShotView[];
  takes: ReadonlyMap<string, GenerationView>;
  selectedId: string | undefined;
  canEdit: boolean;
  busy: boolean;
  onSelect: (shotId: string) => void;
  onMove: (shotId: string, to: number) => void;
  onDuplicate: (shot: ShotView) => void;
  onDelete: (shotId: string) => void;
}) {
  const { t } = useI18n();
  // Positioned, so it contains its absolutely positioned descendants (a scene heading's screen-reader
  // label): otherwise one in a scene scrolled out of view would widen the page at 375 px.
  return (
    <div className="relative flex gap-4 overflow-x-auto pb-2" data-testid="shot-strip">
      {sceneGroups(shots).map((g) => (
        <div key={g.shots[0]!.id} className={`flex shrink-0 flex-col gap-1 ${g.heading !== null ? "border-l-4 border-indigo-600 pl-2 dark:border-indigo-400" : ""}`} data-testid="scene">
          {g.heading !== null && (
            <h3 className="max-w-[calc(11rem*2)] truncate text-sm font-semibold uppercase tracking-wide" title={g.heading} data-testid="scene-heading">
              <span className="sr-only">{t("films.scene.label")} </span>
              {g.heading}
            </h3>
          )}
          <ol start={g.shots[0]!.position + 1} className="flex gap-3">
            {g.shots.map((s) => (
              <ShotCard
                key={s.id}
                shot={s}
                count={shots.length}
                selected={s.id === selectedId}
                chosen={s.chosenTakeId ? takes.get(s.chosenTakeId) : undefined}
                canEdit={canEdit}
                busy={busy}
                onSelect={() => onSelect(s.id)}
                onMove={(d) => onMove(s.id, s.position + d)}
                onDuplicate={() => onDuplicate(s)}
                onDelete={() => onDelete(s.id)}
                onDropOn={(dragged) => onMove(dragged, s.position)}
              />
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
