import type { z } from "zod";

// How every simulated endpoint turns a body into the platform's business codes (docs/upstream.md §4):
// a missing or blank required text field is 1213, a bad value 1214, an unknown model 1211. Shared by
// the video, image and speech validators so the three answer a mistake the same way.

export type FieldCheck = { ok: true } | { ok: false; code: string; vars?: Record<string, string> };

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The official Python SDKs send every option the caller left unset as JSON null: null means "not sent". */
export function withoutNulls(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null));
}

/** `model` missing → 1213; not one of `models` → 1211. */
export function checkModel(body: Record<string, unknown>, models: readonly string[]): FieldCheck {
  const model = body.model;
  if (model === undefined || model === "") return { ok: false, code: "1213", vars: { field: "model" } };
  if (typeof model !== "string" || !models.includes(model)) return { ok: false, code: "1211" };
  return { ok: true };
}

export interface IssueRules {
  /** Text fields whose blank value counts as "not received" (1213) rather than invalid. */
  textFields: readonly string[];
  /** The code for a text field over its limit, when the field has one. */
  tooLong?: (field: string, value: string) => string | undefined;
}

/** The code for the first issue of a failed parse of `body`. */
export function codeForIssue(error: z.ZodError, body: Record<string, unknown>, rules: IssueRules): { code: string; vars?: Record<string, string> } {
  const issue = error.issues[0];
  const field = String(issue?.path[0] ?? "");
  const value = body[field];
  const tooLong = typeof value === "string" ? rules.tooLong?.(field, value) : undefined;
  if (tooLong) return { code: tooLong, vars: { field } };
  if (value === undefined || (rules.textFields.includes(field) && typeof value === "string")) {
    return { code: "1213", vars: { field } };
  }
  return { code: "1214", vars: { field: issue?.path.join(".") || field } };
}
