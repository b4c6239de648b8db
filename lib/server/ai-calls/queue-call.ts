import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Db } from "../db";
import { TX_OPTIONS, withDbRetry } from "../db/retry";
import { isUniqueViolation } from "../db/unique-violation";
import { assertWithinBudgets, loadBudgetLimits, lockBudgetScopes } from "../budgets/enforce-budgets";
import { env } from "../env";
import { AppError } from "../errors";
import { enqueueJob } from "../jobs/enqueue";
import { nudgeWorkers } from "../jobs/nudge";
import { holdCall } from "../ledger/ledger";
import { type Access, assertWorkspace, canGenerateIn, type Workspace } from "../permissions";
import { AI_CALL_JOB, aiCallLane } from "./call-job";

// Queues one platform call (chat, still, speech) the way a take is queued (docs/reliability.md, "The
// submit protocol"): authorization, then in ONE transaction the budget locks and check, the AiCall
// row with its price's upper bound, its HOLD and its job. Nothing reaches the upstream unless this
// committed: a refused budget leaves no row, no hold and no job. Idempotent per (owner, key): a
// repeat with the same body answers the first call, with another body 422 idempotency_mismatch.

type AiCallKind = "CHAT" | "STILL" | "SPEECH";

export interface QueueCallInput {
  kind: AiCallKind;
  /** e.g. "prompt.expand": how the answer is read. */
  purpose: string;
  model: string;
  request: Prisma.InputJsonValue;
  /** The upper bound held (ai-calls/price.ts). */
  costFen: number;
  workspace?: Workspace;
}

export interface QueuedCall {
  id: string;
  created: boolean;
}

function hashOf(input: QueueCallInput, teamId: string | null): string {
  return createHash("sha256").update(JSON.stringify([input.kind, input.purpose, input.model, input.request, teamId])).digest("hex");
}

async function replay(client: Pick<Db, "aiCall">, ownerId: string, idemKey: string, hash: string): Promise<QueuedCall | null> {
  const earlier = await client.aiCall.findUnique({ where: { ownerId_idemKey: { ownerId, idemKey } }, select: { id: true, paramsHash: true } });
  if (!earlier) return null;
  if (earlier.paramsHash !== hash) throw new AppError("idempotency_mismatch");
  return { id: earlier.id, created: false };
}

export async function queueAiCall(client: Db, access: Access, idemKey: string, input: QueueCallInput): Promise<QueuedCall> {
  const workspace = assertWorkspace(access, input.workspace ?? { kind: "personal" });
  if (!canGenerateIn(access, workspace)) throw new AppError("team_role_forbidden");
  const teamId = workspace.kind === "team" ? workspace.teamId : null;
  const hash = hashOf(input, teamId);
  const ownerId = access.actor.id;
  const earlier = await replay(client, ownerId, idemKey, hash);
  if (earlier) return earlier;

  const subject = { userId: ownerId, teamId, costFen: input.costFen };
  const limits = await loadBudgetLimits(client, subject);
  try {
    const id = await withDbRetry(() =>
      client.$transaction(async (tx) => {
        // Write first (the locks), as create-generation does: serializes budget checks on both databases.
        await lockBudgetScopes(tx, subject, limits);
        await assertWithinBudgets(tx, subject, limits, env().BUDGET_TIME_ZONE, input.kind);
        const call = await tx.aiCall.create({
          data: { kind: input.kind, purpose: input.purpose, ownerId, teamId, model: input.model, costFen: input.costFen, request: input.request, idemKey, paramsHash: hash },
          select: { id: true, ownerId: true, teamId: true, costFen: true },
        });
        await holdCall(tx, call);
        await enqueueJob(tx, { kind: AI_CALL_JOB, subjectId: call.id, lane: aiCallLane(input.kind), step: "send" });
        return call.id;
      }, TX_OPTIONS),
    );
    nudgeWorkers();
    return { id, created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await replay(client, ownerId, idemKey, hash);
    if (winner) return winner;
    throw err;
  }
}
