import { z } from "zod";
import { UNICODE_LINE_SEPARATORS, unifyLineBreaks } from "./line-breaks";

// Text people type that we store and show to others (team names, display names, tags, prompts): one
// rule for every schema. NFC-normalized, so the same name typed two ways is one name; refused when it
// holds characters that are invisible or that rewrite what is shown around them — C0/C1 control
// characters (NUL included), bidi embeddings/overrides/isolates (U+202A–202E, U+2066–2069, which let
// "gpj.exe" read as "exe.jpg"), and lone surrogates (not Unicode: SQLite would store invalid UTF-8).
// One-line text also refuses the Unicode line and paragraph separators (U+2028, U+2029), line breaks
// as much as \n is. Multi-line text (prompts) keeps \n and \t; CRLF, a lone CR, U+2028 and U+2029 become \n
// (line-breaks.ts).

const BIDI = "\\u202A-\\u202E\\u2066-\\u2069";
const LONE_SURROGATE = "[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]";
const FORBIDDEN = {
  line: new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${UNICODE_LINE_SEPARATORS}${BIDI}]|${LONE_SURROGATE}`),
  lines: new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F${BIDI}]|${LONE_SURROGATE}`),
};

/** `text` without the characters multi-line user text refuses: for text we did not type (a model's answer) that must pass the same rule. */
export function withoutForbidden(text: string): string {
  return text.replace(new RegExp(FORBIDDEN.lines.source, "gu"), "");
}

/** The message key of the refusal (a field error: the API names the field). */
const TEXT_CONTROLS = "errors.field.text_controls";

/**
 * A user-text field: refuses the characters above, normalizes to NFC, then applies `inner` (trim,
 * lengths…). `lines` for multi-line text such as prompts.
 */
export function userText<T extends z.ZodType<unknown, string>>(inner: T, kind: "line" | "lines" = "line") {
  return z
    .string({ error: "errors.field.required" })
    .transform((s) => (kind === "lines" ? unifyLineBreaks(s) : s))
    .refine((s) => !FORBIDDEN[kind].test(s), { error: TEXT_CONTROLS })
    .transform((s) => s.normalize("NFC"))
    .pipe(inner);
}
