// The one HTTP Range parser (RFC 9110 §14), used by the app's media routes and by the simulator's
// result-file server, so both answer a Range header the same way. It is pure (no Node APIs) so the
// simulator can import it without importing the app's server code.
//
// We serve exactly one range: a multi-range request is answered with the full 200 instead of a
// multipart body. A server MAY ignore Range, and answering many small or overlapping ranges with a
// multipart body lets one request cost many times the file's size.
//
// Why not the `range-parser` package (2.0.0): it parses every element and reports them as one list
// plus a status bit set, so it cannot tell "one unsatisfiable range" (416) from "two unsatisfiable
// ranges" (which we answer with 200 because we never serve multi-range), nor a one-element list
// from a two-element list on an empty file; it reads positions as floats, so past 2^53 a reversed
// range (`bytes=9007199254740993-9007199254740992`) rounds to a forward one and becomes a 416
// instead of an ignored header; and it calls a suffix range on an empty file satisfiable (200),
// where we answer 416. Wrapping it would need a second pass over the header that repeats most of
// this file.

export type RangeResult =
  | { kind: "none" } // no/ignored Range header: serve the full representation (200)
  | { kind: "range"; start: number; end: number } // inclusive bounds: serve 206
  | { kind: "unsatisfiable" }; // 416 with Content-Range: bytes */size

const NONE: RangeResult = { kind: "none" };
const UNSATISFIABLE: RangeResult = { kind: "unsatisfiable" };

const isDigit = (c: number) => c >= 48 && c <= 57;
const isOws = (c: number) => c === 32 || c === 9;

/** True when `s` is 1*DIGIT. */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) if (!isDigit(s.charCodeAt(i))) return false;
  return true;
}

/**
 * Compares two digit strings numerically without converting them, so `bytes=9007199254740993-…`
 * and 1,000-digit positions are judged exactly (floats would round them together).
 */
function cmpDigits(a: string, b: string): number {
  const x = a.replace(/^0+(?=.)/, "");
  const y = b.replace(/^0+(?=.)/, "");
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Finds the single non-empty list element of `set` (RFC 9110 §5.6.1 lets recipients skip empty
 * elements and OWS around commas). Returns null for zero elements, "multi" for two or more.
 * Stops at the second element, so a 1,000-range header costs no more than a two-range one.
 */
function singleElement(set: string): string | null | "multi" {
  let found: string | null = null;
  let i = 0;
  while (i <= set.length) {
    let j = set.indexOf(",", i);
    if (j === -1) j = set.length;
    let a = i;
    let b = j;
    while (a < b && isOws(set.charCodeAt(a))) a++;
    while (b > a && isOws(set.charCodeAt(b - 1))) b--;
    if (b > a) {
      if (found !== null) return "multi";
      found = set.slice(a, b);
    }
    i = j + 1;
  }
  return found;
}

/**
 * Interprets a Range header for a representation of `size` bytes.
 * - absent, other units, syntax errors, reversed `a-b` (b < a), multiple ranges → none (full 200)
 * - `bytes=a-b` / `bytes=a-` → range with end clamped to size-1; a ≥ size → unsatisfiable
 * - `bytes=-n` → the last n bytes (all of it when n ≥ size); `bytes=-0` → unsatisfiable
 * - an empty representation cannot satisfy any range → unsatisfiable
 */
export function parseRange(header: string | null | undefined, size: number): RangeResult {
  if (header === null || header === undefined) return NONE;
  const eq = header.indexOf("=");
  if (eq === -1 || header.slice(0, eq).toLowerCase() !== "bytes") return NONE;
  const element = singleElement(header.slice(eq + 1));
  if (element === null || element === "multi") return NONE;
  const dash = element.indexOf("-");
  if (dash === -1) return NONE;
  const firstText = element.slice(0, dash);
  const lastText = element.slice(dash + 1);

  if (firstText === "") {
    if (!isDigits(lastText)) return NONE;
    if (cmpDigits(lastText, "0") === 0 || size === 0) return UNSATISFIABLE;
    // Values below `size` are safe integers, so Number() is exact where it is used.
    const start = cmpDigits(lastText, String(size)) >= 0 ? 0 : size - Number(lastText);
    return { kind: "range", start, end: size - 1 };
  }
  if (!isDigits(firstText)) return NONE;
  if (lastText !== "" && (!isDigits(lastText) || cmpDigits(lastText, firstText) < 0)) return NONE;
  if (cmpDigits(firstText, String(size)) >= 0) return UNSATISFIABLE;
  const end = lastText === "" || cmpDigits(lastText, String(size - 1)) >= 0 ? size - 1 : Number(lastText);
  return { kind: "range", start: Number(firstText), end };
}

/** `Content-Range` value for a 206. */
export function contentRange(start: number, end: number, size: number): string {
  return `bytes ${start}-${end}/${size}`;
}

/** `Content-Range` value for a 416. */
export function unsatisfiedRange(size: number): string {
  return `bytes */${size}`;
}
