import "server-only";
import { SHOT_MAX_SECONDS } from "@/lib/shared/script-breakdown";
import { BREAKDOWN_MAX_TOKENS, CONTEXT_MAX_CHARACTERS, type PartContext } from "@/lib/shared/script-parts";
import type { ChatRequest } from "@/lib/shared/upstream/chat-schemas";
import { PROMPT_MAX_CHARS } from "@/lib/shared/upstream/video-models";
import { env } from "../env";
import { chatHoldFen } from "../ai-calls/price";

// The chat request of one part of a script breakdown: JSON mode, the shape asked for spelled out in
// the system message (docs/upstream.md, "Script breakdown"), the flash models' whole output
// allowance. A script is sent in parts small enough for one answer each (script-parts.ts); a part
// after the first also gets a second system message saying where it stands in the script — the scene
// in progress and the characters seen so far — so its shots continue the ones before. An answer can
// still run out (finish_reason "length"): the parser then keeps the complete shots (script-breakdown-parse.ts).

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

/** Where a part stands in its script (absent for a script sent whole). */
export interface PartPlace extends PartContext {
  part: number;
  parts: number;
}

function contextMessage(place: PartPlace): string {
  return [
    `This text is part ${place.part} of ${place.parts} of one script; the parts before it are broken down separately. Continue their shot list: break down only this part.`,
    `Scene in progress: ${place.scene ?? "none yet"}`,
    `Characters so far: ${place.characters.length > 0 ? place.characters.join(", ") : "none yet"}`,
    "Use the scene in progress as the heading of the shots before this part's first scene heading.",
  ].join("\n");
}

export function breakdownRequest(text: string, place?: PartPlace): ChatRequest {
  return {
    model: env().CHAT_MODEL,
    messages: [
      { role: "system", content: SYSTEM },
      ...(place && place.parts > 1 ? [{ role: "system" as const, content: contextMessage(place) }] : []),
      { role: "user", content: text },
    ],
    max_tokens: BREAKDOWN_MAX_TOKENS,
    temperature: 0.2,
    response_format: { type: "json_object" },
  };
}

/** What a part's call holds: every character of its messages as a token, plus all of max_tokens. */
export function partHoldFen(request: ChatRequest): number {
  return chatHoldFen(request, BREAKDOWN_MAX_TOKENS);
}

/**
 * The most a breakdown of `chars` characters in `parts` parts can hold, from the counts alone (the
 * dialog's estimate, before the text is sent): the characters as if all in the first part, each
 * later part with the longest context it can be given, and a fen per later part for the rounding up
 * each call's hold does on its own.
 */
export function breakdownHoldFen(chars: number, parts: number): number {
  const first = partHoldFen(breakdownRequest("x".repeat(chars)));
  if (parts <= 1) return first;
  const longest: PartPlace = { part: parts, parts, scene: "x".repeat(120), characters: Array.from({ length: CONTEXT_MAX_CHARACTERS }, () => "x".repeat(20)) };
  const later = partHoldFen(breakdownRequest("", longest));
  return first + (parts - 1) * (later + 1);
}
