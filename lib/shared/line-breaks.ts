// What breaks a line. Besides CR and LF, the Unicode line and paragraph separators (U+2028, U+2029)
// do: line-oriented readers (SRT players, EDL readers, editors) split on them too. One rule for user
// text (user-text.ts), captions (film/caption-text.ts, the burnt-in wrap) and one-line export fields
// (film/edl.ts).

/** The two Unicode separators, as a fragment of a RegExp character class. */
export const UNICODE_LINE_SEPARATORS = "\\u2028\\u2029";

const ANY_LINE_BREAK = new RegExp(`\\r\\n?|[${UNICODE_LINE_SEPARATORS}]`, "g");

/** Every line break written as "\n": CRLF, a lone CR and the two separators. */
export function unifyLineBreaks(text: string): string {
  return text.replace(ANY_LINE_BREAK, "\n");
}
