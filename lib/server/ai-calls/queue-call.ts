import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/sqlite/client";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { isUniqueViolation } from "../db/unique-violation";
import { assertWithinBudgets, loadBudgetLimits, lockBudgetScopes } from "../budgets/enforce-budgets";
import { env } from "../env";
import { AppError } from "../errors";
import { enqueueJob } from "../jobs/enqueue";
import { nudgeWorkers } from "../jobs/nudge";
import { takeKey } from "../generations/take-keys";
import type { Tx } from "../jobs/job-kind";
import { holdCall } from "../ledger/ledger";
import { type Access, assertWorkspace, canGenerateIn, type Workspace } from "../permissions";
import { AI_CALL_JOB, aiCallLane } from "./call-job";

// Queues one platform call (chat, still, speech) the way a take is queued (docs/reliability.md, "The
// submit protocol"): authorization, then in ONE transaction the budget locks and check, the AiCall
// row with its price's upper bound, its HOLD and its job. Nothing reaches the upstream unless this
// committed: a refused budget leaves no row, no hold and no job. Idempotent per (owner, key): a
// repeat with the same body answers the first call, with another body 422 idempotency_mismatch. A
// batch (a shot's 1–4 stills) is held and queued the same way, all of it or none of it.

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
  /** The film it is made for, if any: counted in that film's spend (budgets/film-spend.ts). */
  filmId?: string;
}

export interface QueuedCall {
  id: string;
  created: boolean;
}

/** The key of the i-th call of a batch: the request's own key for the first, derived ones after it. */
function keyOf(idemKey: string, i: number): string {
  return i === 0 ? idemKey : takeKey(idemKey, i);
}

function hashOf(input: QueueCallInput, teamId: string | null, batchSize: number): string {
  const parts: unknown[] = [input.kind, input.purpose, input.model, input.request, teamId];
  // A batch of one hashes as a single call always did; a batch's size is part of what was asked.
  if (batchSize > 1) parts.push(batchSize);
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

async function replay(client: Pick<Db, "aiCall">, ownerId: string, keys: readonly string[], hashes: readonly string[]): Promise<QueuedCall[] | null> {
  const earlier = await client.aiCall.findMany({ where: { ownerId, idemKey: { in: [...keys] } }, select: { id: true, idemKey: true, paramsHash: true } });
  if (earlier.length === 0) return null;
  const byKey = new Map(earlier.map((c) => [c.idemKey, c]));
  return keys.map((key, i) => {
    const c = byKey.get(key);
    if (!c || c.paramsHash !== hashes[i]) throw new AppError("idempotency_mismatch");
    return { id: c.id, created: false };
  });
}

export async function queueAiCall(client: Db, access: Access, idemKey: string, input: QueueCallInput): Promise<QueuedCall> {
  const [call] = await queueAiCalls(client, access, idemKey, [input], input.workspace ? { workspace: input.workspace } : {});
  return call!;
}

export interface QueueBatchOptions {
  workspace?: Workspace;
  /** Rows that belong with the calls (e.g. a shot's stills), written in the same transaction. */
  attach?: (tx: Tx, callIds: readonly string[]) => Promise<void>;
}

/**
 * Several calls as one request, all or nothing: one budget check for their sum, then every row, hold
 * and job in one transaction. The first call keeps the request's key, the others derived keys, so a
 * repeat answers the same calls.
 */
export async function queueAiCalls(client: Db, access: Access, idemKey: string, inputs: readonly QueueCallInput[], options: QueueBatchOptions = {}): Promise<QueuedCall[]> {
  const workspace = assertWorkspace(access, options.workspace ?? { kind: "personal" });
  if (!canGenerateIn(access, workspace)) throw new AppError("team_role_forbidden");
  const teamId = workspace.kind === "team" ? workspace.teamId : null;
  const keys = inputs.map((_, i) => keyOf(idemKey, i));
  const hashes = inputs.map((input) => hashOf(input, teamId, inputs.length));
  const ownerId = access.actor.id;
  const earlier = await replay(client, ownerId, keys, hashes);
  if (earlier) return earlier;

  const subject = { userId: ownerId, teamId, costFen: inputs.reduce((n, input) => n + input.costFen, 0) };
  const limits = await loadBudgetLimits(client, subject);
  try {
    const ids = await writeTransaction(client, async (tx) => {
      // Write first (the locks), as create-generation does: serializes budget checks on both databases.
      await lockBudgetScopes(tx, subject, limits);
      // A batch is of one kind (a shot's stills): the refusal names it.
      await assertWithinBudgets(tx, subject, limits, env().BUDGET_TIME_ZONE, inputs[0]!.kind);
      const created: string[] = [];
      for (const [i, input] of inputs.entries()) {
        const call = await tx.aiCall.create({
          data: { kind: input.kind, purpose: input.purpose, ownerId, teamId, model: input.model, costFen: input.costFen, request: input.request, idemKey: keys[i]!, paramsHash: hashes[i]!, filmId: input.filmId ?? null },
          select: { id: true, ownerId: true, teamId: true, costFen: true },
        });
        await holdCall(tx, call);
        await enqueueJob(tx, { kind: AI_CALL_JOB, subjectId: call.id, lane: aiCallLane(input.kind), step: "send" });
        created.push(call.id);
      }
      await options.attach?.(tx, created);
      return created;
    });
    nudgeWorkers();
    return ids.map((id) => ({ id, created: true }));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await replay(client, ownerId, keys, hashes);
    if (winner) return winner;
    throw err;
  }
}
