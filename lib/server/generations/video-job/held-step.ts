import "server-only";
import { z } from "zod";
import type { Generation } from "@/lib/generated/sqlite/client";
import type { StepContext } from "@/lib/server/jobs/step-context";
import { logger } from "@/lib/server/logger";
import { taskIdSchema } from "@/lib/shared/upstream/response-schemas";
import { writeTakeStatus } from "./take-status";

// HELD (docs/reliability.md): a create may have been accepted upstream, and re-sending it with the
// same request_id is not known to be safe (upstream:check has not shown the platform refusing or
// deduplicating a repeat). The job parks on the "held" step, off its lane, keeping the take's hold:
// nothing is charged or refunded until an admin decides. The decision arrives in the job's payload
// (lib/server/generations/held-takes.ts) and this step carries it out with the job's own fenced
// transitions, so the ledger moves exactly as for any other take: "resume" charges and polls the
// given task, "fail" refunds.

/** A held job re-checks its payload only when an admin's decision makes it due. */
const PARKED_MS = 365 * 24 * 3600_000;

const heldDecisionSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("fail"), by: z.string() }),
  z.object({ action: z.literal("resume"), taskId: taskIdSchema, by: z.string() }),
]);
export type HeldDecision = z.infer<typeof heldDecisionSchema>;

/** Parks the take: HELD, an operator alert, the job waiting for a decision. */
export async function holdTake(ctx: StepContext, row: Pick<Generation, "id" | "model">, why: { code: string; message: string }): Promise<void> {
  logger.warn("video.held", { generationId: row.id, code: why.code });
  await ctx.later("held", ctx.at(PARKED_MS), {
    note: why,
    effect: async (tx) => {
      await writeTakeStatus(tx, row.id, "HELD", { errorMessage: why.message.slice(0, 500) });
      await tx.alert.create({
        data: { kind: "generation.held", message: `held ${row.id} (${row.model}): ${why.message}`.slice(0, 500), generationId: row.id },
      });
    },
  });
}

export async function heldStep(ctx: StepContext): Promise<void> {
  const job = await ctx.job();
  const payload = (job.payload ?? {}) as { held?: unknown };
  const decision = heldDecisionSchema.safeParse(payload.held);
  if (!decision.success) {
    await ctx.later("held", ctx.at(PARKED_MS));
    return;
  }
  const d = decision.data;
  if (d.action === "fail") {
    await ctx.fail("unconfirmed", `an admin (${d.by}) closed the held take without an upstream task`);
    return;
  }
  const acceptedAt = ctx.now();
  logger.info("video.held_resumed", { generationId: ctx.lease.subjectId, by: d.by });
  await ctx.later("poll", acceptedAt, {
    charge: true,
    effect: (tx) => writeTakeStatus(tx, ctx.lease.subjectId, "PROCESSING", { upstreamTaskId: d.taskId, acceptedAt, pollCount: 0, errorMessage: null }),
  });
}
