import { MAX_LIMIT_FEN } from "./budget-schemas";

// Money as people read and type it. Amounts travel as integer fen everywhere; these helpers are the
// only place fen become text (screen, budget inputs, CSV, budget messages) or text becomes fen.
// Everything works on the integer digits, never through floating point, so "0.29" is exactly 29 fen
// and the server and the browser write the same text for the same amount.

const sign = (fen: number) => (fen < 0 ? "-" : "");
const cents = (fen: number) => String(Math.abs(fen) % 100).padStart(2, "0");
const wholeYuan = (fen: number) => Math.floor(Math.abs(fen) / 100);

/** Fen as a plain decimal yuan amount: 1250 → "12.50", -5 → "-0.05" (no symbol, no grouping). */
export function fenToYuan(fen: number): string {
  return `${sign(fen)}${wholeYuan(fen)}.${cents(fen)}`;
}

/**
 * Fen for display: "¥1,234.50", "-¥3.00". Both UI languages write yuan the same way (this is what
 * Intl's CNY "narrowSymbol" currency format gives for zh-CN and en), so it takes no locale.
 */
export function formatFen(fen: number): string {
  return `${sign(fen)}¥${wholeYuan(fen).toLocaleString("en-US")}.${cents(fen)}`;
}

/**
 * Yuan as typed in an input ("120", "120.5", "120.50", "¥1,200.00", "120元") → fen, or null if not valid.
 * A Chinese input method types full-width characters ("１２０．５", "￥", "，") and often "。" for the
 * decimal point: NFKC folds the full-width forms to ASCII, and "。" is read as ".".
 */
export function yuanToFen(input: string, maxFen = MAX_LIMIT_FEN): number | null {
  const s = input
    .normalize("NFKC")
    .replace(/\u3002/g, ".")
    .trim()
    .replace(/^[¥\u00a5]/, "")
    .replace(/元$/, "")
    .replace(/,/g, "")
    .trim();
  // "1." and ".5" are how people stop or start typing a decimal; both mean what they look like.
  const m = /^(\d{0,8})(?:\.(\d{0,2}))?$/.exec(s);
  if (!m || !/\d/.test(s)) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return fen <= maxFen ? fen : null;
}

/** A limit in fen → the text of its amount input ("120.50"; no limit → empty). */
export function fenToInput(fen: number | null): string {
  return fen === null ? "" : fenToYuan(fen);
}
