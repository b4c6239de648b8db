import { z } from "zod";

// The chat completions contract as the studio relies on it (docs/upstream.md §8): the request the
// client sends, the answer it accepts, and the limits both the client and the simulator enforce.

/** Models the simulator knows; the studio uses CHAT_MODEL (default the free flash model). */
export const CHAT_MODELS = ["glm-4-flash-250414", "glm-4-flash", "glm-4.5-flash", "glm-4.7-flash", "glm-4-air-250414", "glm-4-plus", "glm-4.5-air", "glm-4.6"] as const;
export const DEFAULT_CHAT_MODEL = "glm-4-flash-250414";

/** Assumed output cap of the flash models. */
const CHAT_MAX_TOKENS_LIMIT = 4095;
/** Assumed stand-in for the context window, in characters of all messages together (simulator: 1261 above it). */
export const CHAT_INPUT_MAX_CHARS = 128_000;

const chatMessageSchema = z.object({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const chatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(chatMessageSchema).min(1),
  max_tokens: z.number().int().min(1).max(CHAT_MAX_TOKENS_LIMIT).optional(),
  temperature: z.number().min(0).max(1).optional(),
  response_format: z.object({ type: z.enum(["text", "json_object"]) }).optional(),
  request_id: z.string().min(6).max(64).optional(),
  stream: z.literal(false).optional(),
});
export type ChatRequest = z.infer<typeof chatRequestSchema>;

const chatUsageSchema = z.object({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
  total_tokens: z.number().int().nonnegative(),
});
export type ChatUsage = z.infer<typeof chatUsageSchema>;

export const chatResponseSchema = z.object({
  id: z.string(),
  request_id: z.string().optional(),
  created: z.number().optional(),
  model: z.string(),
  choices: z
    .array(
      z.object({
        index: z.number().int(),
        message: z.object({ role: z.string(), content: z.string().nullable().optional() }),
        finish_reason: z.string(),
      }),
    )
    .min(1),
  usage: chatUsageSchema,
});
export type ChatResponse = z.infer<typeof chatResponseSchema>;

const CJK_RE = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/gu;

/**
 * The simulator's token count (the platform's tokenizer is not published): one token per CJK
 * character, one per four other characters, rounded up. Never used for billing, only `usage` is.
 */
export function approxTokens(text: string): number {
  const cjk = text.match(CJK_RE)?.length ?? 0;
  const rest = [...text.replace(CJK_RE, "")].length;
  return cjk + Math.ceil(rest / 4);
}
