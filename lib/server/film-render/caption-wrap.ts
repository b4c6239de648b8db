import { unifyLineBreaks } from "@/lib/shared/line-breaks";

// Line breaking for burnt-in captions. The renderer (libass) only wraps at spaces, and a Chinese
// line has none, so lines are broken here, by an estimate of each character's width that errs on
// the wide side: a caption must stay inside the safe area even if the estimate is off.

/** Width of a character in ems of WenQuanYi Zen Hei, rounded up: full-width (CJK, kana, hangul, full-width forms) 1, the rest ~0.62. */
function charEms(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  const wide =
    (c >= 0x1100 && c <= 0x115f) || // Hangul Jamo
    (c >= 0x2e80 && c <= 0xa4cf) || // CJK radicals … Yi (incl. kana, CJK ideographs, CJK punctuation)
    (c >= 0xac00 && c <= 0xd7a3) || // Hangul syllables
    (c >= 0xf900 && c <= 0xfaff) || // CJK compatibility ideographs
    (c >= 0xfe30 && c <= 0xfe4f) || // CJK compatibility forms
    (c >= 0xff00 && c <= 0xff60) || // full-width forms
    (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x1f300 && c <= 0x1faff) || // emoji
    (c >= 0x20000 && c <= 0x3fffd); // CJK extension planes
  return wide ? 1 : 0.62;
}

/** Punctuation that may not begin a line (it stays with the character before it). */
const NO_LINE_START = new Set([..."，。、；：！？）」』】》〉”’…,.;:!?)]}%"]);

function isWide(ch: string): boolean {
  return charEms(ch) === 1;
}

/** Breakable pieces: a run of non-wide, non-space characters (a word) or one wide character, each carrying the space before it. */
function tokens(line: string): { text: string; space: boolean }[] {
  const out: { text: string; space: boolean }[] = [];
  let space = false;
  for (const ch of line) {
    if (ch === " " || ch === "\t") {
      space = out.length > 0;
      continue;
    }
    const last = out.at(-1);
    const glue = last && !space && (NO_LINE_START.has(ch) || (!isWide(ch) && !isWide([...last.text].at(-1) ?? "")));
    if (glue && last) last.text += ch;
    else out.push({ text: ch, space });
    space = false;
  }
  return out;
}

const ems = (s: string) => [...s].reduce((n, ch) => n + charEms(ch), 0);

/**
 * Breaks a caption into lines at most `maxEms` wide (ems of the caption's font size). Explicit line
 * breaks in the text are kept; a single word longer than a line is broken between characters.
 */
export function wrapCaption(text: string, maxEms: number): string[] {
  const lines: string[] = [];
  for (const paragraph of unifyLineBreaks(text).split("\n")) {
    let line = "";
    for (const token of tokens(paragraph.trim())) {
      const joined = line && token.space ? `${line} ${token.text}` : `${line}${token.text}`;
      if (!line || ems(joined) <= maxEms) {
        line = joined;
      } else {
        lines.push(line);
        line = token.text;
      }
      // A word wider than a whole line: cut it between characters.
      while (ems(line) > maxEms && [...line].length > 1) {
        const chars = [...line];
        let fit = 0;
        let width = 0;
        while (fit < chars.length && width + charEms(chars[fit] ?? "") <= maxEms) width += charEms(chars[fit++] ?? "");
        lines.push(chars.slice(0, Math.max(1, fit)).join(""));
        line = chars.slice(Math.max(1, fit)).join("");
      }
    }
    if (line) lines.push(line);
  }
  return lines;
}
