import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { chatAnswer } from "./chat-answer";
import { acceptPost } from "./accept-post";
import { sendJson, sendUpstreamError, type SimContext } from "./sim-context";
import { validateChatRequest } from "./validate-chat";

// POST /api/paas/v4/chat/completions (docs/upstream.md §8), synchronous. Same order of checks as a
// video create: scripted fault, auth, balance, overload, body, validation, content safety, then the
// per-key per-model concurrency cap (in-flight chats; each answer takes chatLatencyMs ÷ speed).

const DEFAULT_MAX_TOKENS = 1024;

function inFlightKey(account: string, model: string): string {
  return `${account}|${model}`;
}

export async function handleChat(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const accepted = await acceptPost(ctx, req, res, "chat");
  if (!accepted) return;
  const { body, account, fault } = accepted;
  const checked = validateChatRequest(body);
  if (!checked.ok) return sendUpstreamError(ctx, res, checked.code, checked.vars, fault);
  const v = checked.value;
  if (v.messages.some((m) => ctx.switches.unsafeMarkers.some((marker) => marker && m.content.includes(marker)))) {
    return sendUpstreamError(ctx, res, "1301", {}, fault);
  }

  const key = inFlightKey(account, v.model);
  const inFlight = ctx.chatInFlight.get(key) ?? 0;
  if (inFlight >= ctx.switches.concurrency) {
    ctx.stats.rejectedOverCap++;
    return sendUpstreamError(ctx, res, "1302", {}, fault);
  }
  ctx.chatInFlight.set(key, inFlight + 1);
  ctx.stats.peakInFlight[v.model] = Math.max(ctx.stats.peakInFlight[v.model] ?? 0, inFlight + 1);
  try {
    const latency = Math.round(ctx.opts.chatLatencyMs / Math.max(0.001, ctx.switches.speed));
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
  } finally {
    const left = (ctx.chatInFlight.get(key) ?? 1) - 1;
    if (left <= 0) ctx.chatInFlight.delete(key);
    else ctx.chatInFlight.set(key, left);
  }

  const answer = chatAnswer(v.messages, v.response_format?.type === "json_object", v.max_tokens ?? DEFAULT_MAX_TOKENS);
  const id = `chat-${randomBytes(8).toString("hex")}`;
  ctx.stats.chatCompletions++;
  ctx.stats.chatTokens += answer.promptTokens + answer.completionTokens;
  sendJson(
    res,
    200,
    {
      id,
      request_id: v.request_id ?? id,
      created: Math.floor(ctx.now() / 1000),
      model: v.model,
      choices: [{ index: 0, message: { role: "assistant", content: answer.content }, finish_reason: answer.finishReason }],
      usage: { prompt_tokens: answer.promptTokens, completion_tokens: answer.completionTokens, total_tokens: answer.promptTokens + answer.completionTokens },
    },
    fault,
  );
}
