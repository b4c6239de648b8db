import "server-only";
import type { AiCall, Prisma } from "@/lib/generated/sqlite/client";
import type { Upstream } from "@/lib/server/bigmodel/upstream";
import type { Storage } from "@/lib/server/storage";

// What sending one kind of call returns to the call job: what to keep of the answer, the usage it
// reported, and what it cost (the job settles the hold with it). A sender throws UpstreamError for
// anything the upstream said or failed to say; it never retries (the job decides). A sender whose
// answer is bytes (speech) stores them durably in `store` before it returns.

export interface CallOutcome {
  answer: Prisma.InputJsonValue;
  usage: Prisma.InputJsonValue;
  costFen: number;
}

export type CallSender = (upstream: Upstream, call: AiCall, store: Storage) => Promise<CallOutcome>;
