import { unifyLineBreaks } from "../line-breaks";

// A caption's text as the lines a subtitle file carries. The same lines go to the .srt and to FCPXML
// captions: line breaks normalised (CR, CRLF and the Unicode line and paragraph separators U+2028 and
// U+2029, on which line-oriented readers split too, all become one line break); control characters (C0
// and C1), lone surrogates and blank lines dropped (a blank line would end an SRT cue early); "-->"
// defused (an SRT reader takes it for a timing line). Null when nothing is left.

export function captionLines(caption: string | null): string[] | null {
  if (caption === null) return null;
  const lines = unifyLineBreaks(caption)
    // eslint-disable-next-line no-control-regex -- control characters other than newline and tab have no place in a caption
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, "")
    // Half a surrogate pair is no character at all: UTF-8 cannot carry it.
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .split("\n")
    .map((l) => l.replace(/-->/g, "->").trim())
    .filter((l) => l !== "");
  return lines.length ? lines : null;
}
