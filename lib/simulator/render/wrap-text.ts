// Line wrapping for drawtext, which cannot wrap by itself. Widths are estimated in em from a few
// glyph classes of WenQuanYi Zen Hei (measured roughly, rounded up so lines stay inside the card):
// CJK and other full-width characters are 1 em, Latin letters about half an em.

const FULL_WIDTH_EM = 1;
const NARROW = new Set([..."iljfrtI.,;:!|'\"()[]{} "]);
const WIDE = new Set([..."mwMW@%&"]);

function charWidthEm(ch: string): number {
  if (isFullWidth(ch)) return FULL_WIDTH_EM;
  if (NARROW.has(ch)) return 0.32;
  if (WIDE.has(ch)) return 0.85;
  if (ch >= "A" && ch <= "Z") return 0.66;
  return 0.54;
}
const ELLIPSIS = "…";

/** Punctuation that must not start a line (kinsoku): it is kept on the previous line instead. */
const NO_LINE_START = new Set([..."，。、；：！？）》」』】〉”’,.;:!?)]}%…·"]);

function isFullWidth(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0xa4cf) || // CJK radicals .. Yi (includes kana, CJK unified ideographs)
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) || // emoji (rendered as a box by the font, but box-wide)
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extension B and beyond
  );
}

export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidthEm(ch);
  return width;
}

/** NFC, no control characters, whitespace runs collapsed: what the card shows and what the cache key hashes. */
export function normalizePrompt(text: string | undefined): string {
  if (!text) return "";
  return text
    .normalize("NFC")
    .replace(/[\p{Cc}\u2028\u2029]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Splits text into break units: a Latin word (with its trailing space), or a single full-width
 * character. CJK may break between any two characters; Latin only at spaces.
 */
function breakUnits(text: string): string[] {
  const units: string[] = [];
  let word = "";
  for (const ch of text) {
    if (isFullWidth(ch)) {
      if (word) units.push(word);
      word = "";
      units.push(ch);
    } else if (ch === " ") {
      units.push(word + " ");
      word = "";
    } else {
      word += ch;
    }
  }
  if (word) units.push(word);
  return units;
}

/** Hard-splits a unit that is wider than a whole line (a long URL, a 40-letter word). */
function splitWide(unit: string, maxEm: number): string[] {
  const parts: string[] = [];
  let current = "";
  for (const ch of unit) {
    if (current && textWidthEm(current + ch) > maxEm) {
      parts.push(current);
      current = "";
    }
    current += ch;
  }
  if (current) parts.push(current);
  return parts;
}

/** Wraps normalized text into lines no wider than maxEm. Never drops text. */
export function wrapText(text: string, maxEm: number): string[] {
  if (maxEm < 1) throw new RangeError("maxEm must be at least 1");
  const lines: string[] = [];
  let line = "";
  for (const unit of breakUnits(normalizePrompt(text))) {
    const candidate = line + unit;
    if (textWidthEm(candidate.trimEnd()) <= maxEm) {
      line = candidate;
      continue;
    }
    // Keep closing punctuation with the text it closes, even if the line gets slightly wider.
    if (line && NO_LINE_START.has(unit)) {
      line = candidate;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = "";
    if (textWidthEm(unit.trimEnd()) > maxEm) {
      const parts = splitWide(unit.trimEnd(), maxEm);
      lines.push(...parts.slice(0, -1));
      line = (parts.at(-1) ?? "") + (unit.endsWith(" ") ? " " : "");
    } else {
      line = unit;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

export interface FittedText {
  fontSize: number;
  lines: string[];
  truncated: boolean;
}

export interface FitTextOptions {
  widthPx: number;
  heightPx: number;
  /** Candidate sizes in px; the largest that fits wins. */
  fontSizes: readonly number[];
  /** Line advance as a multiple of the font size. */
  lineHeight: number;
  /** Never more lines than this, however small the font. */
  maxLines?: number;
}

function maxLinesFor(fontSize: number, opts: Pick<FitTextOptions, "heightPx" | "lineHeight" | "maxLines">): number {
  const byHeight = Math.floor(opts.heightPx / (fontSize * opts.lineHeight));
  return Math.max(1, Math.min(byHeight, opts.maxLines ?? Number.POSITIVE_INFINITY));
}

/**
 * Picks the largest font size at which the text fits the box. If even the smallest overflows,
 * the text is cut and the last line ends with "…" (prompts can be 512 characters).
 */
export function fitText(text: string, opts: FitTextOptions): FittedText {
  const sizes = [...opts.fontSizes].sort((a, b) => b - a);
  const smallest = sizes.at(-1);
  if (smallest === undefined) throw new RangeError("fitText needs at least one font size");
  for (const fontSize of sizes) {
    const lines = wrapText(text, opts.widthPx / fontSize);
    if (lines.length <= maxLinesFor(fontSize, opts)) return { fontSize, lines, truncated: false };
  }
  const maxEm = opts.widthPx / smallest;
  const lines = wrapText(text, maxEm).slice(0, maxLinesFor(smallest, opts));
  let last = lines.pop() ?? "";
  while (last && textWidthEm(last + ELLIPSIS) > maxEm) last = [...last].slice(0, -1).join("");
  lines.push(last.trimEnd() + ELLIPSIS);
  return { fontSize: smallest, lines, truncated: true };
}
