import "server-only";
import type { ChatRequest, ChatUsage } from "@/lib/shared/upstream/chat-schemas";
import { env } from "../env";

// Prices of platform calls other than video, in fen (configurable: PRICE_FEN_PER_1K_CHAT_TOKENS,
// PRICE_FEN_STILL, PRICE_FEN_SPEECH). A chat costs its tokens as the answer's usage reports them; before
// it is sent the studio holds an upper bound: every character of the messages counted as a token
// (tokenizers put at least one character in a token), a few tokens of framing per message, and all of
// max_tokens. docs/reliability.md, "Money adds up".

const FRAMING_TOKENS_PER_MESSAGE = 8;

function chatTokensFen(tokens: number): number {
  return Math.ceil((Math.max(0, tokens) * env().PRICE_FEN_PER_1K_CHAT_TOKENS) / 1000);
}

/** The most this chat can cost: what is held before it is sent. */
export function chatHoldFen(request: Pick<ChatRequest, "messages" | "max_tokens">, defaultMaxTokens: number): number {
  const input = request.messages.reduce((n, m) => n + [...m.content].length + FRAMING_TOKENS_PER_MESSAGE, 0);
  return chatTokensFen(input + (request.max_tokens ?? defaultMaxTokens));
}

/** What an answered chat cost. */
export function chatCostFen(usage: ChatUsage): number {
  return chatTokensFen(usage.total_tokens);
}

/** A still costs one fixed price per image (the platform bills CogView per generated image). */
export function stillFen(): number {
  return env().PRICE_FEN_STILL;
}

/** A voice-over line: PRICE_FEN_SPEECH per request, held and charged alike (the platform bills per request). */
export function speechCostFen(): number {
  return env().PRICE_FEN_SPEECH;
}
