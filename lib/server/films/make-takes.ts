import "server-only";
import { FILM_FRAME_SIZE, type FilmAspect } from "@/lib/shared/film/cut";
import type { FrameSource } from "@/lib/shared/film/film-schemas";
import type { TakesEstimate } from "@/lib/shared/film/film-views";
import type { CreateGenerationInput } from "@/lib/shared/generation-schemas";
import { ENDED_WITHOUT_VIDEO, isIn } from "@/lib/shared/generation-lifecycle";
import { type BlockReason, takeOnItsWay } from "@/lib/shared/film/shot-lifecycle";
import { recordAudit } from "../audit/record-audit";
import { priceFen } from "../budgets/price";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { LAST_FRAME_JOB } from "../frames/last-frame-job";
import { requestLastFrame } from "../frames/request-last-frame";
import { reserveLastFrameUpload } from "../frames/reserve-frame-upload";
import { createGeneration } from "../generations/create-generation";
import { takeKey } from "../generations/take-keys";
import type { Access, Workspace } from "../permissions";
import { type FilmRow, loadShot, shotsOf } from "./load-film";
import { fieldsOfRow, type ShotFields } from "./shot-columns";

// "Make 1–4 takes of a shot at once (price shown first)". The estimate is the price per take times
// the count. Making them goes through the one create path (createGeneration: budget check, ledger
// hold, idempotency, inputs marked used, the video job) once per take, with the shot id and the
// shot's frame sources turned into the take's inputs. A shot that starts from the previous shot's last
// frame uses the previous shot's chosen take: its last-frame job (lib/server/frames, asked for here
// if nobody did) is the input's producer, and the new take's video job waits for it — so a chained
// shot is queued behind the shot it depends on and runs when that take is stored and its frame taken.
// Each take has its own key derived from the request's Idempotency-Key, so a repeated request makes
// no new takes. A shot without a usable chosen take gets the first new take as its chosen one.

interface Resolved {
  input: CreateGenerationInput;
  pending: { uploadId: string; jobId: string; width: number; height: number }[];
}

/** Where a chained shot's first frame comes from: an upload id, and the job still producing it if any. */
export type PreviousFrame = { uploadId: string; pending?: { uploadId: string; jobId: string } };
type FrameOf = (shotId: string) => Promise<PreviousFrame>;

function blocked(reason: BlockReason): AppError {
  // The reason is the field's message (both languages), its code the key's last part.
  return new AppError("shot_chain_blocked", { fields: [{ path: "start", key: `film.block.${reason}` }] });
}

/** The previous shot's chosen take's last frame: READY, or reserved and being produced by its job. */
export async function previousFrame(client: Db, access: Access, film: FilmRow, shotId: string): Promise<PreviousFrame> {
  const shots = await shotsOf(client, film.id);
  const i = shots.findIndex((s) => s.id === shotId);
  const previous = i > 0 ? shots[i - 1] : undefined;
  if (!previous) throw blocked("first_shot");
  if (!previous.chosenTakeId) throw blocked("previous_no_take");
  const source = await client.generation.findUnique({ where: { id: previous.chosenTakeId }, select: { id: true, ownerId: true, teamId: true, status: true, deletedAt: true } });
  if (!source || source.deletedAt) throw blocked("source_deleted");
  if (isIn(ENDED_WITHOUT_VIDEO, source.status)) throw blocked("source_failed");
  const { view } = await requestLastFrame(client, access, source.id);
  if (view.state === "failed") throw blocked("source_failed");
  if (view.state === "done" && view.frame) return { uploadId: view.frame.uploadId };
  const uploadId = await reserveLastFrameUpload(client, source);
  const job = await client.job.findUnique({ where: { kind_subjectId: { kind: LAST_FRAME_JOB, subjectId: source.id } }, select: { id: true } });
  if (!job) throw blocked("source_failed");
  return { uploadId, pending: { uploadId, jobId: job.id } };
}

async function uploadOf(client: Pick<Db, "reference">, film: FilmRow, shotId: string, source: FrameSource, pending: Resolved["pending"], frameOf: FrameOf): Promise<string> {
  if (source.kind === "upload" || source.kind === "still") return source.uploadId;
  if (source.kind === "reference") {
    const ref = await client.reference.findUnique({ where: { id: source.referenceId }, select: { uploadId: true, teamId: true, ownerId: true, deletedAt: true } });
    if (!ref || ref.deletedAt || ref.teamId !== film.teamId || (film.teamId === null && ref.ownerId !== film.ownerId)) throw new AppError("reference_not_found");
    return ref.uploadId;
  }
  const frame = await frameOf(shotId);
  // A frame not extracted yet has the geometry of the film's takes (Vidu renders 1080p at the film's
  // aspect), so a bridge to an end image the upstream would refuse is refused here, before any hold.
  if (frame.pending) pending.push({ ...frame.pending, ...FILM_FRAME_SIZE[film.aspect as FilmAspect] });
  return frame.uploadId;
}

/**
 * The take input of a shot. `frameOf` gives a chained shot its first frame (by default the previous
 * shot's chosen take's last frame; a batch passes the frame of a take it is creating in the same
 * transaction).
 */
export async function resolveShot(client: Pick<Db, "reference">, film: FilmRow, shotId: string, f: ShotFields, frameOf: FrameOf): Promise<Resolved> {
  const pending: Resolved["pending"] = [];
  if (f.mode === "text") {
    return { input: { mode: "text", prompt: f.prompt, style: film.style as "general", aspectRatio: film.aspect as "16:9", movementAmplitude: "auto" }, pending };
  }
  const missing = [!f.start ? "start" : null, f.mode === "start-end" && !f.end ? "end" : null].filter((m): m is string => m !== null);
  if (missing.length || !f.start) throw new AppError("shot_frame_missing", { vars: { missing: missing.join(", ") } });
  const first = await uploadOf(client, film, shotId, f.start, pending, frameOf);
  if (f.mode === "image") return { input: { mode: "image", prompt: f.prompt, uploadId: first, movementAmplitude: "auto", withAudio: false }, pending };
  const last = await uploadOf(client, film, shotId, f.end!, pending, frameOf);
  return { input: { mode: "start-end", prompt: f.prompt, uploadIds: [first, last], movementAmplitude: "auto", withAudio: false }, pending };
}

export function workspaceOfFilm(film: FilmRow): Workspace {
  return film.teamId ? { kind: "team", teamId: film.teamId } : { kind: "personal" };
}

export async function estimateTakes(client: Db, access: Access, shotId: string, count: number): Promise<TakesEstimate> {
  const { shot } = await loadShot(client, access, shotId, "edit");
  const unitFen = priceFen(fieldsOfRow(shot).mode);
  return { count, unitFen, totalFen: unitFen * count };
}

export async function makeTakes(client: Db, access: Access, shotId: string, count: number, idemKey: string, ip: string): Promise<{ takeIds: string[]; created: number }> {
  const { film, shot } = await loadShot(client, access, shotId, "edit");
  const { input, pending } = await resolveShot(client, film, shot.id, fieldsOfRow(shot), (id) => previousFrame(client, access, film, id));
  const takeIds: string[] = [];
  let created = 0;
  for (let i = 0; i < count; i++) {
    const r = await createGeneration(client, access, takeKey(idemKey, i), input, { workspace: workspaceOfFilm(film), ip, shotId: shot.id, pendingInputs: pending });
    takeIds.push(r.id);
    if (r.created) created++;
  }
  const chosen = shot.chosenTakeId ? await client.generation.findUnique({ where: { id: shot.chosenTakeId }, select: { status: true, deletedAt: true } }) : null;
  const chooseFirst = !takeOnItsWay(chosen);
  await writeTransaction(client, async (tx) => {
    if (chooseFirst) {
      // Conditional on the chosen take read: a concurrent choice wins over this default.
      await tx.shot.updateMany({ where: { id: shot.id, chosenTakeId: shot.chosenTakeId }, data: { chosenTakeId: takeIds[0]!, reviewState: "NONE", reviewedTakeId: null, reviewReason: null } });
    }
    if (created > 0) {
      await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "shot.make_takes", targetType: "shot", targetId: shot.id, data: { filmId: film.id, count: created }, ip });
    }
  });
  return { takeIds, created };
}
