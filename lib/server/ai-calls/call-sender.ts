import "server-only";
import type { AiCall, Prisma } from "@/lib/generated/sqlite/client";
import type { Upstream } from "@/lib/server/bigmodel/upstream";

// What sending one kind of call returns to the call job: what to keep of the answer, the usage it
// reported, and what it cost (the job settles the hold with it). A sender throws UpstreamError for
// anything the upstream said or failed to say; it never retries (the job decides).

interface CallOutcome {
  answer: Prisma.InputJsonValue;
  usage: Prisma.InputJsonValue;
  costFen: number;
}

export type CallSender = (upstream: Upstream, call: AiCall) => Promise<CallOutcome>;
