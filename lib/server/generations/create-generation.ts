import "server-only";
import { randomUUID } from "node:crypto";
import { shapeMismatch, shapeMismatchKey } from "@/lib/shared/frame-shape";
import { paramsOfInput } from "@/lib/shared/generation-params";
import { aspectOk, type CreateGenerationInput, createGenerationSchema, MODEL_OF_MODE, startEndRatioOk } from "@/lib/shared/generation-schemas";
import { type Db, providerOfDb } from "../db";
import { TX_OPTIONS, withDbRetry } from "../db/retry";
import { isUniqueViolation } from "../db/unique-violation";
import { assertWithinBudgets, loadBudgetLimits, lockBudgetScopes } from "../budgets/enforce-budgets";
import { priceFen } from "../budgets/price";
import { recordAudit } from "../audit/record-audit";
import { env } from "../env";
import { AppError, validationFailed } from "../errors";
import { normalizeForSearch } from "./prompt-search";
import { type Access, assertWorkspace, canGenerateIn, canUseUpload, visibleGenerationsWhere, type Workspace } from "../permissions";
import { nudgeWorkers } from "../jobs/nudge";
import { hold } from "../ledger/ledger";
import { DB_MODE_OF } from "@/lib/shared/generation-mode";
import { paramsHash } from "./params-hash";
import { assertNotRepeat, lockRepeatGuard } from "./repeat-guard";
import { markUploadsUsed } from "../uploads/mark-uploads-used";
import { enqueueVideoJob } from "./video-job/kind";
import type { Tx } from "../jobs/job-kind";
import { addSpan, span } from "../spans";

// POST /api/generations. Queues one take: the Generation row (status QUEUED, upstreamRequestId
// fixed now, costFen = the model's price), its inputs, the ledger HOLD and its video job in ONE
// short transaction (docs/reliability.md, "The submit protocol"). Idempotent per (owner,
// Idempotency-Key): the unique index decides the race, a P2002 means "someone with this key got
// there first" and we answer with that row (same hash) or 422. The params JSON is the one schema
// of lib/shared/generation-params.ts; inputs are GenerationInput rows (position 0 = first frame,
// 1 = last frame) pointing at Upload rows, each marked used in the same transaction (refused while the
// collector deletes it: lib/server/uploads/mark-uploads-used.ts).

export interface CreateOptions {
  retryOfId?: string;
  /** Where the clip is made: personal (default) or a team the actor may generate in. */
  workspace?: Workspace;
  /** Client IP for the audit log. */
  ip?: string;
  /** The film shot this take is made for (lib/server/films). */
  shotId?: string;
  /** The takes of one several-takes submit share it (create-takes.ts). */
  takeGroupId?: string;
  /**
   * Inputs that another job is still producing (a previous take's last frame, its Upload row reserved
   * as STORING): accepted although not READY, and the take's video job waits for those jobs; if one
   * ends without its image, the runner fails the take with dependency_failed and refunds it. Each
   * carries the geometry it will have, so the start–end rules are checked before paying as for READY ones.
   */
  pendingInputs?: readonly { uploadId: string; jobId: string; width: number; height: number }[];
  /** When the take's video job is due (default now): a batch orders its takes among due jobs with it. */
  queueAt?: Date;
  /**
   * Refuse the same submission made moments ago under another key (repeat-guard.ts) unless
   * `confirmed`. The studio route asks for it; takes made together (films, several takes) do not.
   */
  repeatGuard?: { confirmed: boolean };
}

export interface CreateResult {
  id: string;
  /** false when an earlier request with the same key and body created it. */
  created: boolean;
}

export function uploadIdsOf(input: CreateGenerationInput): string[] {
  if (input.mode === "image") return [input.uploadId];
  if (input.mode === "start-end") return [...input.uploadIds];
  return [];
}

async function replay(client: Pick<Db, "generation">, ownerId: string, idemKey: string, hash: string): Promise<CreateResult | null> {
  const existing = await client.generation.findUnique({
    where: { ownerId_idemKey: { ownerId, idemKey } },
    select: { id: true, paramsHash: true },
  });
  if (!existing) return null;
  if (existing.paramsHash !== hash) throw new AppError("idempotency_mismatch");
  return { id: existing.id, created: false };
}

/** Uploads the actor may use: their own, or inputs of a clip they can see (remixing a team clip). */
export async function usableUploadIds(client: Pick<Db, "generationInput">, access: Access, uploads: { id: string; ownerId: string; teamId: string | null }[]): Promise<Set<string>> {
  const ok = new Set(uploads.filter((u) => canUseUpload(access, u)).map((u) => u.id));
  const rest = uploads.filter((u) => !ok.has(u.id)).map((u) => u.id);
  if (rest.length) {
    const shared = await client.generationInput.findMany({
      where: { uploadId: { in: rest }, generation: visibleGenerationsWhere(access) },
      select: { uploadId: true },
    });
    for (const s of shared) ok.add(s.uploadId);
  }
  return ok;
}

/**
 * Every upload must be usable by the actor and still satisfy the geometry rules (IN-6: fail before
 * paying). An input still being produced (`pending`: its row reserved as STORING) is accepted with
 * the geometry it will have, which is the video's it comes from.
 */
async function checkInputs(
  client: Pick<Db, "upload" | "generationInput">,
  access: Access,
  ids: string[],
  pending: ReadonlyMap<string, { width: number; height: number }>,
): Promise<void> {
  if (ids.length === 0) return;
  const uploads = await client.upload.findMany({
    where: { id: { in: ids } },
    select: { id: true, ownerId: true, teamId: true, width: true, height: true, status: true },
  });
  const byId = new Map(uploads.map((u) => [u.id, u]));
  const usable = await usableUploadIds(client, access, uploads);
  const ordered = ids.map((id) => byId.get(id));
  const dims: { width: number; height: number }[] = [];
  for (const u of ordered) {
    if (!u || !usable.has(u.id)) throw new AppError("upload_not_found");
    const coming = u.status === "STORING" ? pending.get(u.id) : undefined;
    if (coming) {
      dims.push(coming);
      continue;
    }
    if (u.status === "STORING") throw new AppError("upload_not_found");
    if (u.status === "DELETING") throw new AppError("upload_deleting");
    if (!aspectOk(u.width, u.height)) throw new AppError("image_aspect");
    dims.push(u);
  }
  const [first, last] = dims;
  if (!first || !last) return;
  // Shape first: "the end frame is portrait and the start frame is landscape" says what to change.
  const shapes = shapeMismatch(first, last);
  if (shapes) throw new AppError("start_end_shape", { fields: [{ path: "uploadIds.1", key: shapeMismatchKey(shapes) }] });
  if (!startEndRatioOk(first, last)) throw new AppError("start_end_ratio");
}

/** A take checked and priced, ready to be written by `insertTake` inside a queueing transaction. */
export interface PreparedTake {
  idemKey: string;
  input: CreateGenerationInput;
  hash: string;
  uploadIds: string[];
  after: string[];
  costFen: number;
  teamId: string | null;
  options: CreateOptions;
}

type PrepareClient = Pick<Db, "generation" | "upload" | "generationInput">;

/**
 * Everything before the money: validate, authorize, replay by key, check the inputs, price. Returns
 * the earlier take when the key was used with the same body. Reads only, so a batch may call it
 * inside its own transaction (after that transaction's first write).
 */
export async function prepareTake(client: PrepareClient, access: Access, idemKey: string, raw: CreateGenerationInput, options: CreateOptions = {}): Promise<{ replay: CreateResult } | { take: PreparedTake }> {
  // Normalize here too (idempotent when the route already parsed): the hash must not depend on the caller.
  const parsed = createGenerationSchema.safeParse(raw);
  if (!parsed.success) throw validationFailed(parsed.error);
  const input = parsed.data;
  const workspace = assertWorkspace(access, options.workspace ?? { kind: "personal" });
  if (!canGenerateIn(access, workspace)) throw new AppError("team_role_forbidden");
  const teamId = workspace.kind === "team" ? workspace.teamId : null;
  const hash = paramsHash(input, { retryOfId: options.retryOfId, teamId: teamId ?? undefined, shotId: options.shotId });
  const earlier = await span("replay", () => replay(client, access.actor.id, idemKey, hash));
  if (earlier) return { replay: earlier };

  const uploadIds = uploadIdsOf(input);
  const pending = options.pendingInputs ?? [];
  await span("inputs", () => checkInputs(client, access, uploadIds, new Map(pending.map((p) => [p.uploadId, p]))));
  const after = [...new Set(pending.filter((p) => uploadIds.includes(p.uploadId)).map((p) => p.jobId))];
  return { take: { idemKey, input, hash, uploadIds, after, costFen: priceFen(input.mode), teamId, options } };
}

/**
 * The take's rows inside the caller's queueing transaction, after its budget check: the uploads
 * marked used, the Generation row, its HOLD, its video job (waiting for `after`) and the audit event.
 */
export async function insertTake(tx: Tx, access: Access, p: PreparedTake): Promise<{ id: string; ownerId: string; teamId: string | null; model: string; videoJobId: string }> {
  const { input, options } = p;
  await markUploadsUsed(tx, p.uploadIds, new Date());
  const generation = await tx.generation.create({
    data: {
      ownerId: access.actor.id,
      teamId: p.teamId,
      mode: DB_MODE_OF[input.mode],
      model: MODEL_OF_MODE[input.mode],
      prompt: input.prompt,
      promptSearch: normalizeForSearch(input.prompt),
      params: paramsOfInput(input),
      idemKey: p.idemKey,
      paramsHash: p.hash,
      upstreamRequestId: randomUUID(),
      status: "QUEUED",
      costFen: p.costFen,
      retryOfId: options.retryOfId ?? null,
      shotId: options.shotId ?? null,
      takeGroupId: options.takeGroupId ?? null,
      // Only when there are any: an empty nested create still makes Prisma read the row back in a second query.
      ...(p.uploadIds.length > 0 ? { inputs: { create: p.uploadIds.map((uploadId, position) => ({ uploadId, position })) } } : {}),
    },
    select: { id: true, ownerId: true, teamId: true, costFen: true, model: true },
  });
  await span("tx.hold", () => hold(tx, generation));
  const videoJobId = await span("tx.enqueue", () => enqueueVideoJob(tx, generation, p.after.length ? p.after : undefined, options.queueAt));
  if (p.teamId) {
    await recordAudit(tx, {
      teamId: p.teamId,
      actorId: access.actor.id,
      action: "clip.generate",
      targetType: "generation",
      targetId: generation.id,
      data: { mode: input.mode, costFen: p.costFen, ...(options.retryOfId ? { retryOf: options.retryOfId } : {}) },
      ip: options.ip ?? null,
    });
  }
  return { id: generation.id, ownerId: generation.ownerId, teamId: generation.teamId, model: generation.model, videoJobId };
}

export async function createGeneration(
  client: Db,
  access: Access,
  idemKey: string,
  raw: CreateGenerationInput,
  options: CreateOptions = {},
): Promise<CreateResult> {
  const prepared = await prepareTake(client, access, idemKey, raw, options);
  if ("replay" in prepared) return prepared.replay;
  const p = prepared.take;
  const subject = { userId: access.actor.id, teamId: p.teamId, costFen: p.costFen };
  const limits = await span("limits", () => loadBudgetLimits(client, subject));
  const guardRepeat = options.repeatGuard !== undefined && !options.repeatGuard.confirmed;

  try {
    // tx.wait: from asking for the transaction to its first statement (the adapter's in-process
    // queue for SQLite's one writer); tx.commit: from the last statement to the commit's answer.
    let asked = 0;
    let done = 0;
    const id = await withDbRetry(async () => {
      asked = performance.now();
      const out = await client.$transaction(async (tx) => {
        addSpan("tx.wait", performance.now() - asked);
        const work0 = performance.now();
        if (guardRepeat) await lockRepeatGuard(tx, providerOfDb(client), access.actor.id);
        // Write first: takes SQLite's write lock at once (a deferred read-then-write would fail with
        // BUSY across processes) and PostgreSQL's row locks on every limited budget scope, which
        // serializes the budget checks without SERIALIZABLE isolation. No budget: the insert
        // (insertTake's first write) is the first write and the check is a no-op.
        await span("tx.budgetLock", () => lockBudgetScopes(tx, subject, limits));
        await span("tx.budgetCheck", () => assertWithinBudgets(tx, subject, limits, env().BUDGET_TIME_ZONE));
        const take = await insertTake(tx, access, p);
        // After the insert, so SQLite's write lock is taken first; a refusal rolls the take back.
        if (guardRepeat) await assertNotRepeat(tx, { id: take.id, ownerId: take.ownerId, paramsHash: p.hash, costFen: p.costFen });
        done = performance.now();
        addSpan("tx.work", done - work0);
        return take.id;
      }, TX_OPTIONS);
      addSpan("tx.commit", performance.now() - done);
      return out;
    });
    // Committed: wake a worker in this process now instead of at its next idle poll.
    nudgeWorkers();
    return { id, created: true };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const winner = await replay(client, access.actor.id, idemKey, p.hash);
    if (winner) return winner;
    throw err;
  }
}
