import { z } from "zod";

// Prompt help (studio prompt field, film shot editor): one chat call that suggests a new prompt the
// user accepts or rejects. Shared by the route, the service and the UI.

const PROMPT_HELP_ACTIONS = ["expand", "translate", "rewrite"] as const;
export type PromptHelpAction = (typeof PROMPT_HELP_ACTIONS)[number];

/** Longest text prompt help accepts: refused before any call, with the limit. */
const PROMPT_HELP_MAX_CHARS = 2000;

export const promptHelpSchema = z.object({
  action: z.enum(PROMPT_HELP_ACTIONS),
  text: z
    .string()
    .trim()
    .min(1, "errors.field.prompt_help_empty")
    .refine((t) => [...t].length <= PROMPT_HELP_MAX_CHARS, "errors.field.prompt_help_too_long"),
  /** translate only: the language to translate into; default the other one of the text's. */
  target: z.enum(["en", "zh"]).optional(),
});
export type PromptHelpInput = z.infer<typeof promptHelpSchema>;

export interface PromptHelpView {
  id: string;
  status: "pending" | "done";
  action: PromptHelpAction;
  /** The suggested prompt (done). */
  suggestion?: string;
  /** What was held before the call (the most it can cost), in fen. */
  heldFen: number;
  /** What it cost once answered, in fen. */
  costFen?: number;
}

export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff]/u.test(text);
}
