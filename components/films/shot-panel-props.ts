import type { FilmView, ShotView } from "@/lib/shared/film/film-views";
import type { GenerationView } from "@/lib/shared/generation-view";

/** What every panel of the selected shot receives: the film, the shot, its takes (live) and whether the viewer may edit. */
export interface ShotPanelProps {
  film: FilmView;
  shot: ShotView;
  takes: ReadonlyMap<string, GenerationView>;
  canEdit: boolean;
  onFilm: (f: FilmView) => void;
}
