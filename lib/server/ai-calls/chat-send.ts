import "server-only";
import { chatRequestSchema } from "@/lib/shared/upstream/chat-schemas";
import type { CallSender } from "./call-sender";
import { chatCostFen } from "./price";

// Sends a CHAT call: its stored request as is (with the call id as request_id, for tracing in the
// platform's console), keeping the first choice's text and finish_reason, priced from usage.

export const sendChat: CallSender = async (upstream, call) => {
  const request = chatRequestSchema.parse(call.request);
  const res = await upstream.chat.complete({ ...request, request_id: call.id });
  const choice = res.choices[0];
  return {
    answer: { content: choice?.message.content ?? "", finishReason: choice?.finish_reason ?? "unknown" },
    usage: res.usage,
    costFen: chatCostFen(res.usage),
  };
};
