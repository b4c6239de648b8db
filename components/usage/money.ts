// Money on screen and in budget inputs. Amounts travel as integer fen; yuan strings are parsed as
// text (never through floating point) so "0.29" is exactly 29 fen.

/** "¥1,234.50", "-¥3.00". */
export function formatFen(fen: number): string {
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString("en-US");
  return `${fen < 0 ? "-" : ""}¥${whole}.${String(abs % 100).padStart(2, "0")}`;
}

/** Yuan as typed in an input ("120", "120.5", "120.50", "¥1,200.00") → fen, or null if not valid. */
export function yuanToFen(input: string, maxFen = 1_000_000_000): number | null {
  const s = input.trim().replace(/^¥/, "").replace(/,/g, "").trim();
  const m = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const fen = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return fen <= maxFen ? fen : null;
}

/** fen → the input's text ("120.50"). */
export function fenToInput(fen: number | null): string {
  return fen === null ? "" : `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
}
