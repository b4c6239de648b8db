import "server-only";
import type { AiCall } from "@/lib/generated/sqlite/client";
import { fenToYuan } from "@/lib/shared/money";
import { hasCjk, type PromptHelpAction, type PromptHelpInput, type PromptHelpView } from "@/lib/shared/prompt-help";
import type { ChatMessage, ChatRequest } from "@/lib/shared/upstream/chat-schemas";
import { PROMPT_MAX_CHARS } from "@/lib/shared/upstream/video-models";
import { queueAiCall } from "../ai-calls/queue-call";
import { chatHoldFen } from "../ai-calls/price";
import { waitForCall } from "../ai-calls/wait-call";
import type { Db } from "../db";
import { env } from "../env";
import { AppError } from "../errors";
import type { Access, Workspace } from "../permissions";

// Prompt help: expand an idea, translate zh↔en, rewrite for Vidu (≤ 512 characters). One CHAT call
// through the ledger, budgets and job runner (lib/server/ai-calls); the route waits for the answer
// up to a deadline and otherwise answers "pending" (GET /api/prompt-help/{id}). The answer is a JSON
// object {"text": …}; a cut-off or unreadable answer is reported (it was paid for), never shown half.

const MAX_TOKENS = 1024;
const PURPOSE = "prompt.";
const JSON_ONLY = 'Answer with one JSON object only: {"text": "<the prompt>"}.';

function systemPrompt(action: PromptHelpAction, target: "en" | "zh"): string {
  switch (action) {
    case "expand":
      return `Task: expand the user's short idea into one vivid video prompt for Vidu: subject, setting, light, camera movement, mood. Same language as the idea, at most ${PROMPT_MAX_CHARS} characters. ${JSON_ONLY}`;
    case "translate":
      return `Task: translate the user's video prompt into ${target === "en" ? "English" : "Chinese"}, keeping every visual detail. ${JSON_ONLY}`;
    case "rewrite":
      return `Task: rewrite the user's text as one video prompt in Vidu's style (concrete subject, action, setting, light, camera), within ${PROMPT_MAX_CHARS} characters, same language. ${JSON_ONLY}`;
  }
}

function promptHelpRequest(input: PromptHelpInput): ChatRequest {
  const target = input.target ?? (hasCjk(input.text) ? "en" : "zh");
  const messages: ChatMessage[] = [
    { role: "system", content: systemPrompt(input.action, target) },
    { role: "user", content: input.text },
  ];
  return { model: env().CHAT_MODEL, messages, max_tokens: MAX_TOKENS, temperature: 0.3, response_format: { type: "json_object" } };
}

/** The suggestion in an answer, or undefined when it is cut off or not the JSON asked for. */
function suggestionOf(answer: unknown, action: PromptHelpAction): string | undefined {
  const a = answer as { content?: unknown; finishReason?: unknown } | null;
  if (!a || typeof a.content !== "string" || a.finishReason !== "stop") return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(a.content);
  } catch {
    return undefined;
  }
  const text = typeof parsed === "object" && parsed !== null ? (parsed as { text?: unknown }).text : undefined;
  if (typeof text !== "string" || text.trim() === "") return undefined;
  const clean = text.trim();
  // A suggestion meant for Vidu must fit its prompt; a longer one is cut at the limit (repaired, not refused).
  return action === "translate" ? clean : [...clean].slice(0, PROMPT_MAX_CHARS).join("");
}

function actionOf(call: Pick<AiCall, "purpose">): PromptHelpAction {
  return call.purpose.slice(PURPOSE.length) as PromptHelpAction;
}

/** The call as the UI shows it; a call that ended without a usable suggestion throws its coded error. */
function promptHelpView(call: AiCall): PromptHelpView {
  const action = actionOf(call);
  const base = { id: call.id, action, heldFen: call.costFen };
  if (call.status === "QUEUED" || call.status === "SENDING") return { ...base, status: "pending" };
  if (call.status === "DONE") {
    const suggestion = suggestionOf(call.answer, action);
    if (suggestion === undefined) throw new AppError("ai_answer_invalid", { vars: { cost: `¥${fenToYuan(call.settledFen ?? 0)}` } });
    return { ...base, status: "done", suggestion, costFen: call.settledFen ?? 0 };
  }
  if (call.errorCode === "unsafe_content") throw new AppError("ai_unsafe_content");
  if (call.errorCode === "unconfirmed") throw new AppError("ai_call_unconfirmed");
  throw new AppError("ai_call_failed", { vars: { code: call.errorCode ?? "unknown" } });
}

export interface PromptHelpOptions {
  workspace?: Workspace;
  /** How long the request waits for the answer before answering "pending". */
  waitMs?: number;
}

export async function requestPromptHelp(client: Db, access: Access, idemKey: string, input: PromptHelpInput, options: PromptHelpOptions = {}): Promise<PromptHelpView> {
  const request = promptHelpRequest(input);
  const queued = await queueAiCall(client, access, idemKey, {
    kind: "CHAT",
    purpose: `${PURPOSE}${input.action}`,
    model: request.model,
    request,
    costFen: chatHoldFen(request, MAX_TOKENS),
    ...(options.workspace ? { workspace: options.workspace } : {}),
  });
  await waitForCall(client, queued.id, options.waitMs ?? env().PROMPT_HELP_WAIT_MS);
  return promptHelpView(await client.aiCall.findUniqueOrThrow({ where: { id: queued.id } }));
}

/** GET: only the person who asked sees a call. */
export async function findPromptHelp(client: Pick<Db, "aiCall">, access: Access, id: string): Promise<PromptHelpView> {
  const call = await client.aiCall.findUnique({ where: { id } });
  if (!call || call.ownerId !== access.actor.id || !call.purpose.startsWith(PURPOSE)) throw new AppError("not_found");
  return promptHelpView(call);
}
