// Errors of rendering a film's cut to one MP4. Merged into en.ts; film-render.zh-CN.ts has the same keys.
export const filmRenderEn = {
  "errors.film_cut_invalid": "This cut cannot be rendered. Fix the clips listed.",
  "errors.film_input_invalid": "The take of “{shot}” could not be read: the file is damaged, missing or shorter than its trim.",
  "errors.field.film_empty": "The film has no clips.",
  "errors.field.film_trim_out_of_range": "The trim lies outside the take.",
  "errors.field.film_trim_too_short": "A clip must be at least half a second long.",
  "errors.field.film_transition_too_long": "The transition is longer than half of a clip it joins.",
} as const;
