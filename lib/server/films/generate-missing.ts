import "server-only";
import { createHash } from "node:crypto";
import type { BatchTake, GenerateMissingEstimate, GenerateMissingResult, MissingShot } from "@/lib/shared/film/generate-missing-view";
import { takeOnItsWay } from "@/lib/shared/film/shot-lifecycle";
import { fenToYuan } from "@/lib/shared/money";
import { recordAudit } from "../audit/record-audit";
import { budgetsLeft } from "../budgets/budgets-left";
import { filmSpend } from "../budgets/film-spend";
import { assertWithinBudgets, loadBudgetLimits, lockBudgetScopes } from "../budgets/enforce-budgets";
import { priceFen } from "../budgets/price";
import type { Db } from "../db";
import { TX_OPTIONS, writeTransaction } from "../db/retry";
import { isUniqueViolation } from "../db/unique-violation";
import { env } from "../env";
import { AppError } from "../errors";
import { enqueueLastFrameJob } from "../frames/last-frame-job";
import { reserveLastFrameUpload } from "../frames/reserve-frame-upload";
import { insertTake, prepareTake } from "../generations/create-generation";
import { nudgeWorkers } from "../jobs/nudge";
import type { Access } from "../permissions";
import { type FilmRow, loadFilm, shotsOf } from "./load-film";
import { type PreviousFrame, previousFrame, resolveShot, workspaceOfFilm } from "./make-takes";
import { fieldsOfRow, isChained, type ShotRow } from "./shot-columns";

// "Generate missing shots": one action makes `takes` takes of every shot that has no usable chosen
// take (none, deleted, or ended without a video — takeOnItsWay), chained shots behind the shot they
// start from. The money follows the one create path, batched (docs/reliability.md, "Generate
// missing shots"): ONE transaction locks the film row and the limited budget scopes, re-derives the
// plan (refused as stale when it is not the one the client confirmed), checks the budgets once for
// the batch's whole total, then writes every take through createGeneration's own insertTake (row,
// HOLD, video job, audit) — so either every take is held and queued, or nothing exists. Each take
// then settles on its own (CHARGE on accept, REFUND on any end without a video) as any take does.
//
// A chained shot whose previous shot is in the batch waits on that shot's first new take: its last
// frame's Upload row is reserved and its last-frame job queued (after the new video job) inside the
// same transaction, and the chained take's video job waits for that frame job.
//
// The batch has no table: its id is derived from the actor and the Idempotency-Key, and its takes'
// own idempotency keys are `fb.<batchId>.<shotId>.<n>` (client keys cannot contain dots). The
// unique (owner, key) index therefore makes a repeated request — or two racing ones — one batch.

interface Planned {
  shot: ShotRow;
  position: number;
  chained: boolean;
  /** The previous shot is missing too: this shot waits on the take the batch makes for it. */
  upstreamInBatch: boolean;
  priceFen: number;
  /** What a chained shot starts from (the previous shot and its chosen take), so a change between the
   *  plan and the transaction is noticed. */
  sig: string;
}

/** Thrown inside the transaction when a take key already exists: roll back and answer the batch that got there first. */
class BatchRace extends Error {}

const BATCH_TX_OPTIONS = { ...TX_OPTIONS, timeout: 30_000 } as const;

function batchIdOf(actorId: string, idemKey: string): string {
  return createHash("sha256").update(`${actorId}\n${idemKey}`).digest("hex").slice(0, 24);
}

function batchKeyPrefix(batchId: string): string {
  return `fb.${batchId}.`;
}

function takeKey(batchId: string, shotId: string, n: number): string {
  return `${batchKeyPrefix(batchId)}${shotId}.${n}`;
}

/** The shots without a usable take, in film order, read through `client` (a transaction inside the batch). */
async function planOf(client: Pick<Db, "shot" | "generation">, filmId: string): Promise<Planned[]> {
  const shots = await shotsOf(client, filmId);
  const chosenIds = shots.map((s) => s.chosenTakeId).filter((id): id is string => id !== null);
  const chosen = new Map((await client.generation.findMany({ where: { id: { in: chosenIds } }, select: { id: true, status: true, deletedAt: true } })).map((g) => [g.id, g]));
  const usable = (s: ShotRow) => takeOnItsWay(s.chosenTakeId ? (chosen.get(s.chosenTakeId) ?? null) : null);
  const missing = new Set(shots.filter((s) => !usable(s)).map((s) => s.id));
  return shots.flatMap((shot, i): Planned[] => {
    if (!missing.has(shot.id)) return [];
    const mode = fieldsOfRow(shot).mode;
    const chained = mode !== "text" && isChained(shot);
    const previous = i > 0 ? shots[i - 1]! : null;
    const upstreamInBatch = chained && previous !== null && missing.has(previous.id);
    const sig = chained ? `${shot.id}<${previous?.id ?? "-"}:${upstreamInBatch ? "batch" : (previous?.chosenTakeId ?? "-")}` : shot.id;
    return [{ shot, position: i, chained, upstreamInBatch, priceFen: priceFen(mode), sig }];
  });
}

/**
 * Critical path first: the takes a chain waits on are due a little earlier than the rest (1 ms per
 * chained shot behind them), so the claim — due jobs oldest first — starts them in the first slots of
 * their lane instead of wherever the film's order puts them. Their dependants then run while the
 * unchained rest still fills the lane (bench F2 measures the schedule against the ideal).
 */
function dueTimes(plan: readonly Planned[], now: Date): Map<string, Date> {
  const out = new Map<string, Date>();
  let behind = 0;
  for (let i = plan.length - 1; i >= 0; i--) {
    const p = plan[i]!;
    out.set(p.shot.id, new Date(now.getTime() - behind));
    behind = p.upstreamInBatch ? behind + 1 : 0;
  }
  return out;
}

function totalOf(plan: readonly Planned[], takes: number): number {
  return plan.reduce((sum, p) => sum + p.priceFen * takes, 0);
}

function missingOf(plan: readonly Planned[]): MissingShot[] {
  return plan.map((p) => ({ shotId: p.shot.id, position: p.position, chained: p.chained, priceFen: p.priceFen }));
}

export async function estimateMissing(client: Db, access: Access, filmId: string, takes: number): Promise<GenerateMissingEstimate> {
  const film = await loadFilm(client, access, filmId, "edit");
  const plan = await planOf(client, film.id);
  const totalFen = totalOf(plan, takes);
  const budgets = await budgetsLeft(client, access.actor.id, film.teamId);
  const spent = await filmSpend(client, film.id);
  const prices = new Set(plan.map((p) => p.priceFen));
  return {
    shots: missingOf(plan),
    takesPerShot: takes,
    priceFen: prices.size <= 1 ? (plan[0]?.priceFen ?? priceFen("text")) : null,
    totalFen,
    budgets,
    fits: budgets.items.every((b) => totalFen <= b.remainingFen),
    spent,
    filmTotalFen: spent.totalFen + totalFen,
  };
}

/** The batch as it exists: its takes in film order (the answer to a repeat, and the cancel's list). */
export async function existingBatch(client: Db, film: FilmRow, batchId: string, ownerId?: string): Promise<{ takes: BatchTake[]; rows: { id: string; ownerId: string; teamId: string | null; deletedAt: Date | null; costFen: number }[] }> {
  const shots = await shotsOf(client, film.id);
  const rows = await client.generation.findMany({
    where: { ...(ownerId ? { ownerId } : { shotId: { in: shots.map((s) => s.id) } }), idemKey: { startsWith: batchKeyPrefix(batchId) } },
    select: { id: true, ownerId: true, teamId: true, deletedAt: true, costFen: true, shotId: true, idemKey: true },
  });
  const at = new Map(shots.map((s, i) => [s.id, i]));
  const byId = new Map(shots.map((s) => [s.id, s]));
  const n = (key: string) => Number(key.slice(key.lastIndexOf(".") + 1));
  const takes = rows
    .map((r) => ({ r, position: r.shotId !== null ? (at.get(r.shotId) ?? -1) : -1 }))
    .sort((a, b) => a.position - b.position || n(a.r.idemKey) - n(b.r.idemKey))
    .map(({ r, position }) => {
      const shot = r.shotId ? byId.get(r.shotId) : undefined;
      return { takeId: r.id, shotId: r.shotId ?? "", position, chained: shot ? isChained(shot) && fieldsOfRow(shot).mode !== "text" : false };
    });
  return { takes, rows };
}

async function replayBatch(client: Db, access: Access, film: FilmRow, batchId: string, takesPerShot: number): Promise<GenerateMissingResult | null> {
  const { takes, rows } = await existingBatch(client, film, batchId, access.actor.id);
  if (takes.length === 0) return null;
  // The same key with another film or another number of takes per shot is another request.
  const perShot = new Map<string, number>();
  for (const t of takes) perShot.set(t.shotId, (perShot.get(t.shotId) ?? 0) + 1);
  if (takes.some((t) => t.position < 0) || [...perShot.values()].some((c) => c !== takesPerShot)) throw new AppError("idempotency_mismatch");
  return { batchId, takes, totalFen: rows.reduce((s, r) => s + r.costFen, 0), created: false };
}

function stale(total: number, expected: number): AppError {
  return new AppError("film_batch_stale", { vars: { total: `¥${fenToYuan(total)}`, expected: `¥${fenToYuan(expected)}` }, fields: [{ path: "expectTotalFen", key: "errors.field.invalid" }] });
}

export async function generateMissing(client: Db, access: Access, filmId: string, body: { takes: number; expectTotalFen: number }, idemKey: string, ip: string): Promise<GenerateMissingResult> {
  const film = await loadFilm(client, access, filmId, "edit");
  const batchId = batchIdOf(access.actor.id, idemKey);
  const earlier = await replayBatch(client, access, film, batchId, body.takes);
  if (earlier) return earlier;

  const plan = await planOf(client, film.id);
  const totalFen = totalOf(plan, body.takes);
  if (totalFen !== body.expectTotalFen) throw stale(totalFen, body.expectTotalFen);
  if (plan.length === 0) return { batchId, takes: [], totalFen: 0, created: false };

  // Frames of chained shots whose previous shot keeps its take: asked for now (free; its own
  // transaction, like make-takes), so the batch's transaction only writes.
  const frames = new Map<string, PreviousFrame>();
  for (const p of plan) if (p.chained && !p.upstreamInBatch) frames.set(p.shot.id, await previousFrame(client, access, film, p.shot.id));

  const subject = { userId: access.actor.id, teamId: film.teamId, costFen: totalFen };
  const limits = await loadBudgetLimits(client, subject);
  const workspace = workspaceOfFilm(film);
  try {
    const takes = await writeTransaction(client, async (tx) => {
      // First write: the film row (SQLite's write lock at once; PostgreSQL serializes batches of
      // one film), then the budget scopes in their fixed order.
      await tx.film.update({ where: { id: film.id }, data: { updatedAt: new Date() } });
      await lockBudgetScopes(tx, subject, limits);
      const now = await planOf(tx, film.id);
      if (now.map((p) => p.sig).join("|") !== plan.map((p) => p.sig).join("|") || totalOf(now, body.takes) !== totalFen) throw stale(totalOf(now, body.takes), body.expectTotalFen);
      // All or nothing: the whole total against every limited budget, before any hold.
      await assertWithinBudgets(tx, subject, limits, env().BUDGET_TIME_ZONE);

      const out: BatchTake[] = [];
      const firstTake = new Map<string, { id: string; ownerId: string; teamId: string | null; videoJobId: string }>();
      const previousOf = new Map(now.map((p, i) => [p.shot.id, i > 0 ? now[i - 1]!.shot.id : null]));
      const dueAt = dueTimes(now, new Date());
      const frameOf = async (shotId: string): Promise<PreviousFrame> => {
        const known = frames.get(shotId);
        if (known) return known;
        const up = firstTake.get(previousOf.get(shotId) ?? "");
        if (!up) throw new AppError("shot_chain_blocked", { fields: [{ path: "start", key: "film.block.previous_no_take" }] });
        const uploadId = await reserveLastFrameUpload(tx, up);
        const jobId = await enqueueLastFrameJob(tx, up.id, [up.videoJobId]);
        return { uploadId, pending: { uploadId, jobId } };
      };
      for (const p of now) {
        const { input, pending } = await resolveShot(tx, film, p.shot.id, fieldsOfRow(p.shot), frameOf);
        for (let n = 0; n < body.takes; n++) {
          const prepared = await prepareTake(tx, access, takeKey(batchId, p.shot.id, n), input, { workspace, ip, shotId: p.shot.id, pendingInputs: pending, queueAt: dueAt.get(p.shot.id) });
          if ("replay" in prepared) throw new BatchRace();
          const take = await insertTake(tx, access, prepared.take);
          if (n === 0) firstTake.set(p.shot.id, take);
          out.push({ takeId: take.id, shotId: p.shot.id, position: p.position, chained: p.chained });
        }
        // The shot had no usable take: its first new take becomes the chosen one (review reset).
        await tx.shot.update({ where: { id: p.shot.id }, data: { chosenTakeId: firstTake.get(p.shot.id)!.id, reviewState: "NONE", reviewedTakeId: null, reviewReason: null } });
      }
      await recordAudit(tx, {
        teamId: film.teamId,
        actorId: access.actor.id,
        action: "film.generate_missing",
        targetType: "film",
        targetId: film.id,
        data: { batchId, shots: now.length, takes: out.length, totalFen },
        ip,
      });
      return out;
    }, BATCH_TX_OPTIONS);
    nudgeWorkers();
    return { batchId, takes, totalFen, created: true };
  } catch (err) {
    if (!(err instanceof BatchRace) && !isUniqueViolation(err)) throw err;
    const winner = await replayBatch(client, access, film, batchId, body.takes);
    if (winner) return winner;
    throw err;
  }
}
