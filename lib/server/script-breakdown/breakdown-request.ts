import "server-only";
import { SHOT_MAX_SECONDS } from "@/lib/shared/script-breakdown";
import type { ChatRequest } from "@/lib/shared/upstream/chat-schemas";
import { PROMPT_MAX_CHARS } from "@/lib/shared/upstream/video-models";
import { env } from "../env";

// The chat request of a script breakdown: JSON mode, the shape asked for spelled out in the system
// message (docs/upstream.md, "Script breakdown"), the flash models' whole output allowance. A long
// script can outrun it: the answer then ends with finish_reason "length" and the parser keeps the
// complete shots (script-breakdown-parse.ts).

/** The flash models' output cap (chat-schemas.ts): the most a breakdown may answer, and what is held for it. */
export const BREAKDOWN_MAX_TOKENS = 4095;

const SYSTEM = [
  "Task: script breakdown for a short film made of 5-second Vidu video clips.",
  "The user's text is a film script, a novel excerpt or a product brief, in Chinese or English.",
  "Split it into scenes and shots, in the text's order: one shot per visible action or spoken line.",
  'Answer with one JSON object only, exactly this shape: {"scenes":[{"heading":"<scene heading>","shots":[{"prompt":"<visual description>","mode":"text|image|chain","characters":["<name>"],"line":"<spoken line or caption, or empty>","duration":<seconds>}]}]}.',
  `prompt: what the camera sees (subject, action, setting, light, camera movement), at most ${PROMPT_MAX_CHARS} characters, in the text's language.`,
  "mode: text = made from the prompt alone; image = starts from a picture of a character or product; chain = continues from the last frame of the previous shot.",
  "characters: the names of the characters or products that appear. line: what is said or the caption, empty when none.",
  `duration: whole seconds from 1 to ${SHOT_MAX_SECONDS}.`,
].join("\n");

export function breakdownRequest(text: string): ChatRequest {
  return {
    model: env().CHAT_MODEL,
    messages: [
      { role: "system", content: SYSTEM },
      { role: "user", content: text },
    ],
    max_tokens: BREAKDOWN_MAX_TOKENS,
    temperature: 0.2,
    response_format: { type: "json_object" },
  };
}
