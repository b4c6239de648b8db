import "server-only";
import { AppError } from "@/lib/server/errors";
import { validateCut, type Cut, type CutProblem } from "@/lib/shared/film/cut";

// A cut that cannot be rendered is refused before ffmpeg starts, with every problem as a field of
// one coded error (the film editor marks the clips), and an unreadable take names its shot.

const FIELD_KEY = {
  empty: "errors.field.film_empty",
  trim_out_of_range: "errors.field.film_trim_out_of_range",
  trim_too_short: "errors.field.film_trim_too_short",
  transition_too_long: "errors.field.film_transition_too_long",
} as const satisfies Record<CutProblem["code"], string>;

/** Throws film_cut_invalid (422) with one field per problem: `clips` or `clips.<index>`. */
export function assertRenderableCut(cut: Cut): void {
  const problems = validateCut(cut);
  if (problems.length === 0) return;
  const fields = problems.map((p) => {
    const index = p.code === "empty" ? -1 : cut.clips.findIndex((c) => c.shotId === p.shotId);
    return { path: index < 0 ? "clips" : `clips.${index}`, key: FIELD_KEY[p.code] };
  });
  throw new AppError("film_cut_invalid", { fields });
}

/** film_input_invalid (422): the take of this clip is missing, unreadable or shorter than its trim. */
export function inputInvalid(shotName: string, cause?: unknown): AppError {
  return new AppError("film_input_invalid", { vars: { shot: shotName }, cause });
}
