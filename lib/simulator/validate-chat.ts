import { CHAT_INPUT_MAX_CHARS, CHAT_MODELS, chatRequestSchema, type ChatRequest } from "@/lib/shared/upstream/chat-schemas";

// A chat body → the validated request or the platform's code for the mistake (docs/upstream.md §8):
// not an object 1210, model missing 1213 / unknown 1211, messages missing 1213, any other bad field
// 1214 (naming it), all messages together over the assumed input limit 1261.

export type ChatValidation = { ok: true; value: ChatRequest } | { ok: false; code: string; vars?: Record<string, string> };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function validateChatRequest(raw: unknown): ChatValidation {
  if (!isRecord(raw)) return { ok: false, code: "1210" };
  // The official Python SDKs send unset options as null: null means "not sent".
  const body = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== null));
  if (body.model === undefined || body.model === "") return { ok: false, code: "1213", vars: { field: "model" } };
  if (typeof body.model !== "string" || !(CHAT_MODELS as readonly string[]).includes(body.model)) return { ok: false, code: "1211" };
  if (body.messages === undefined) return { ok: false, code: "1213", vars: { field: "messages" } };
  if (body.stream === true) return { ok: false, code: "1214", vars: { field: "stream" } }; // not reproduced: the studio never streams
  const parsed = chatRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, code: "1214", vars: { field: String(parsed.error.issues[0]?.path[0] ?? "") } };
  const chars = parsed.data.messages.reduce((n, m) => n + [...m.content].length, 0);
  if (chars > CHAT_INPUT_MAX_CHARS) return { ok: false, code: "1261" };
  return { ok: true, value: parsed.data };
}
