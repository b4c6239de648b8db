import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { chatAnswer } from "./chat-answer";
import { isUnsafe, openRequest } from "./open-request";
import { sendJson, sendUpstreamError, type SimContext } from "./sim-context";
import { validateChatRequest } from "./validate-chat";

// POST /api/paas/v4/chat/completions (docs/upstream.md §8), synchronous. Same order of checks as a
// video create: scripted fault, auth, balance, overload, body, validation, content safety, then the
// per-key per-model concurrency cap (in-flight chats; each answer takes chatLatencyMs ÷ speed).

const DEFAULT_MAX_TOKENS = 1024;

export async function handleChat(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const opened = await openRequest(ctx, req, res, "chat");
  if (!opened) return;
  const { body, account, fault } = opened;
  const checked = validateChatRequest(body);
  if (!checked.ok) return sendUpstreamError(ctx, res, checked.code, checked.vars, fault);
  const v = checked.value;
  if (v.messages.some((m) => isUnsafe(ctx, m.content))) {
    return sendUpstreamError(ctx, res, "1301", {}, fault);
  }

  const release = ctx.slots.enter(account, v.model, ctx.switches.concurrency, ctx.stats);
  if (!release) return sendUpstreamError(ctx, res, "1302", {}, fault);
  try {
    const latency = Math.round(ctx.opts.chatLatencyMs / Math.max(0.001, ctx.switches.speed));
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
  } finally {
    release();
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
