import "server-only";
import { chatRequestSchema, chatResponseSchema, type ChatRequest, type ChatResponse } from "@/lib/shared/upstream/chat-schemas";
import { createExchange, type BigModelClientOptions } from "./upstream-exchange";

// Typed client for chat completions (docs/upstream.md §8). Like the video client it never retries:
// a chat that may have reached the upstream may be billed, so the caller decides (the chat job never
// re-sends one; lib/server/ai-calls/chat-job.ts).

export interface ChatClient {
  complete(request: ChatRequest): Promise<ChatResponse>;
}

export function createChatClient(options: BigModelClientOptions): ChatClient {
  const { call, fail: err } = createExchange(options);
  return {
    async complete(request) {
      const checked = chatRequestSchema.safeParse(request);
      if (!checked.success) {
        const where = checked.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
        throw err("chat", "rejected", 0, "invalid-request", `chat: request rejected before sending (${where})`);
      }
      return call("chat", "POST", "/chat/completions", chatResponseSchema, { ...checked.data, stream: false });
    },
  };
}
