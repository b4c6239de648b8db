import "server-only";
import type { AiCall, ShotStill, Upload } from "@/lib/generated/sqlite/client";
import type { FilmAspect } from "@/lib/shared/film/cut";
import type { FilmView } from "@/lib/shared/film/film-views";
import { stillPlanFor } from "@/lib/shared/film/still-size";
import type { MakeStillsInput, StillRequest, StillsList, StillState, StillView } from "@/lib/shared/film/still-views";
import { stillFen } from "../ai-calls/price";
import { queueAiCalls } from "../ai-calls/queue-call";
import { recordAudit } from "../audit/record-audit";
import { configuredMediaModels } from "../bigmodel/media-models";
import type { Db } from "../db";
import { AppError } from "../errors";
import { loadShot } from "../films/load-film";
import { workspaceOfFilm } from "../films/make-takes";
import { updateShot } from "../films/shots";
import type { Access } from "../permissions";

// A shot's stills: 1–4 CogView images at the size nearest the film's aspect, made as one batch of
// STILL calls (one budget check for the batch, a hold per image, all or nothing), re-hosted by the
// call job's store step fitted to the film's frame, listed on the shot, and one of them used as the
// shot's first or last frame (an ordinary shot update, so the same rules and checks apply).

const PURPOSE = "still.shot";

type StillRow = ShotStill & { call: Pick<AiCall, "status" | "costFen" | "settledFen" | "errorCode">; upload: Pick<Upload, "id" | "width" | "height" | "status"> | null };

function stateOf(row: StillRow): StillState {
  if (row.upload?.status === "READY") return "ready";
  if (row.call.status === "QUEUED" || row.call.status === "SENDING") return "pending";
  if (row.call.status === "DONE") return "storing";
  return "failed";
}

function viewOf(row: StillRow): StillView {
  const state = stateOf(row);
  const ready = state === "ready" && row.upload ? row.upload : null;
  const costFen = row.call.settledFen ?? (state === "failed" && row.call.errorCode !== "unconfirmed" ? 0 : row.call.costFen);
  return {
    id: row.id,
    state,
    prompt: row.prompt,
    uploadId: ready?.id ?? null,
    url: ready ? `/api/uploads/${ready.id}` : null,
    width: ready?.width ?? null,
    height: ready?.height ?? null,
    costFen,
    errorCode: state === "failed" ? (row.call.errorCode ?? "unknown") : null,
    createdAt: row.createdAt.toISOString(),
  };
}

const INCLUDE = { call: { select: { status: true, costFen: true, settledFen: true, errorCode: true } }, upload: { select: { id: true, width: true, height: true, status: true } } } as const;

async function listOf(client: Pick<Db, "shotStill">, shotId: string, aspect: string): Promise<StillsList> {
  const rows = await client.shotStill.findMany({ where: { shotId }, include: INCLUDE, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  const plan = stillPlanFor(aspect as FilmAspect);
  return { items: rows.map(viewOf), unitFen: stillFen(), size: plan.size, frame: plan.frame };
}

export async function listStills(client: Db, access: Access, shotId: string): Promise<StillsList> {
  const { film, shot } = await loadShot(client, access, shotId, "view");
  return listOf(client, shot.id, film.aspect);
}

export async function makeStills(client: Db, access: Access, shotId: string, input: MakeStillsInput, idemKey: string, ip: string): Promise<StillsList & { created: number }> {
  const { film, shot } = await loadShot(client, access, shotId, "edit");
  const prompt = input.prompt || shot.prompt.trim();
  if (!prompt) throw new AppError("validation_failed", { fields: [{ path: "prompt", key: "errors.field.still_prompt_required" }] });
  const plan = stillPlanFor(film.aspect as FilmAspect);
  const model = configuredMediaModels().image;
  const request: StillRequest = { prompt, size: plan.size };
  const call = { kind: "STILL" as const, purpose: PURPOSE, model, request, costFen: stillFen(), filmId: film.id };
  const queued = await queueAiCalls(client, access, idemKey, Array.from({ length: input.count }, () => call), {
    workspace: workspaceOfFilm(film),
    attach: async (tx, callIds) => {
      for (const callId of callIds) await tx.shotStill.create({ data: { shotId: shot.id, callId, prompt } });
      await recordAudit(tx, { teamId: film.teamId, actorId: access.actor.id, action: "shot.make_stills", targetType: "shot", targetId: shot.id, data: { filmId: film.id, count: callIds.length }, ip });
    },
  });
  return { ...(await listOf(client, shot.id, film.aspect)), created: queued.filter((q) => q.created).length };
}

/** The still becomes the shot's first (image→video, or a start–end's start) or last frame. */
export async function useStill(client: Db, access: Access, shotId: string, stillId: string, frame: "start" | "end", ip: string): Promise<FilmView> {
  const { shot } = await loadShot(client, access, shotId, "edit");
  const still = await client.shotStill.findUnique({ where: { id: stillId }, include: INCLUDE });
  if (!still || still.shotId !== shot.id) throw new AppError("not_found");
  if (stateOf(still) !== "ready" || !still.uploadId) throw new AppError("still_not_ready");
  const source = { kind: "still" as const, uploadId: still.uploadId };
  if (frame === "end") return updateShot(client, access, shotId, { mode: "start-end", end: source }, ip);
  // A text shot given a first frame becomes an image shot; a start–end shot keeps its mode.
  return updateShot(client, access, shotId, { start: source, ...(shot.mode === "TEXT" ? { mode: "image" as const } : {}) }, ip);
}
