import "server-only";
import type { FilmAspect } from "@/lib/shared/film/cut";
import type { FilmSummary, FilmView, ShotView, TakeSummary } from "@/lib/shared/film/film-views";
import { blockReasonOf, type ShotFacts, shotStatusOf, type TakeFacts } from "@/lib/shared/film/shot-lifecycle";
import { ENDED_WITHOUT_VIDEO, type GenerationStatus, isIn } from "@/lib/shared/generation-lifecycle";
import { castOf } from "@/lib/shared/film/voice";
import { speechCostFen } from "../ai-calls/price";
import type { Db } from "../db";
import type { FilmRow } from "./load-film";
import { fieldsOfRow, isChained, type ShotRow } from "./shot-columns";
import { clipFramesOf, voiceCallsOf, voiceViewOf } from "./voice-view";

// A film as the storyboard shows it: every shot with its takes, the status the shot life-cycle
// derives from them, what was spent, "n of m approved", and each line's voice-over. Four queries
// whatever the film's size.

interface TakeRow {
  id: string;
  shotId: string;
  status: GenerationStatus;
  errorCode: string | null;
  costFen: number;
  deleted: boolean;
  sourceTakeId: string | null;
  durationMs: number | null;
  createdAt: Date;
}

/** The takes of these shots (deleted ones too: a deleted source still explains a blocked shot). */
async function takesOfShots(client: Pick<Db, "generation">, shotIds: readonly string[]): Promise<TakeRow[]> {
  if (shotIds.length === 0) return [];
  const rows = await client.generation.findMany({
    where: { shotId: { in: [...shotIds] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      shotId: true,
      status: true,
      errorCode: true,
      costFen: true,
      deletedAt: true,
      createdAt: true,
      durationMs: true,
      inputs: { where: { position: 0 }, select: { upload: { select: { frameOfId: true } } } },
    },
  });
  return rows.map((g) => ({
    id: g.id,
    shotId: g.shotId ?? "",
    status: g.status,
    errorCode: g.errorCode,
    costFen: isIn(ENDED_WITHOUT_VIDEO, g.status) ? 0 : g.costFen,
    deleted: g.deletedAt !== null,
    sourceTakeId: g.inputs[0]?.upload.frameOfId ?? null,
    durationMs: g.durationMs,
    createdAt: g.createdAt,
  }));
}

/** The facts the shot life-cycle needs, for every shot of an ordered film. */
function factsOfShots(shots: readonly ShotRow[], takes: readonly TakeRow[]): ShotFacts[] {
  const byShot = new Map<string, TakeRow[]>();
  for (const t of takes) byShot.set(t.shotId, [...(byShot.get(t.shotId) ?? []), t]);
  const facts = (t: TakeRow): TakeFacts => ({ id: t.id, status: t.status, deleted: t.deleted, errorCode: t.errorCode, sourceTakeId: t.sourceTakeId });
  return shots.map((shot, i) => {
    const previous = i > 0 ? shots[i - 1] : undefined;
    const prevChosen = previous?.chosenTakeId ? (byShot.get(previous.id) ?? []).find((t) => t.id === previous.chosenTakeId) : undefined;
    return {
      takes: (byShot.get(shot.id) ?? []).map(facts),
      chosenTakeId: shot.chosenTakeId,
      review: { state: shot.reviewState, takeId: shot.reviewedTakeId },
      chain: isChained(shot) ? { previous: previous ? { chosen: prevChosen ? { id: prevChosen.id, status: prevChosen.status, deleted: prevChosen.deleted } : null } : null } : null,
    };
  });
}

function takeSummary(t: TakeRow): TakeSummary {
  return { id: t.id, status: t.status, errorCode: t.errorCode, costFen: t.costFen, sourceTakeId: t.sourceTakeId, createdAt: t.createdAt.toISOString() };
}

export function filmSummaryOf(film: Omit<FilmRow, "voiceCast">, shotCount: number): FilmSummary {
  return { id: film.id, title: film.title, aspect: film.aspect as FilmAspect, style: film.style, teamId: film.teamId, shotCount, updatedAt: film.updatedAt.toISOString() };
}

export async function filmViewOf(client: Pick<Db, "shot" | "generation" | "aiCall">, film: FilmRow, shots: readonly ShotRow[]): Promise<FilmView> {
  const takes = await takesOfShots(client, shots.map((s) => s.id));
  const calls = await voiceCallsOf(client, shots.map((s) => s.voiceCallId));
  const facts = factsOfShots(shots, takes);
  const views: ShotView[] = shots.map((shot, i) => {
    const f = facts[i]!;
    const own = takes.filter((t) => t.shotId === shot.id);
    const reviewCounts = shot.reviewedTakeId !== null && shot.reviewedTakeId === shot.chosenTakeId;
    return {
      id: shot.id,
      position: i,
      ...fieldsOfRow(shot),
      chosenTakeId: shot.chosenTakeId,
      status: shotStatusOf(f),
      blockReason: blockReasonOf(f),
      review: { state: reviewCounts ? shot.reviewState : "NONE", reason: reviewCounts ? shot.reviewReason : null },
      takes: own.filter((t) => !t.deleted).map(takeSummary),
      costFen: own.reduce((sum, t) => sum + t.costFen, 0),
      speaker: shot.speaker,
      voice: voiceViewOf(shot, calls.get(shot.voiceCallId ?? "") ?? null, clipFramesOf(shot, own.find((t) => t.id === shot.chosenTakeId)?.durationMs ?? null)),
    };
  });
  return {
    ...filmSummaryOf(film, shots.length),
    shots: views,
    voiceCast: castOf(film.voiceCast),
    voicePriceFen: speechCostFen(),
    approved: { n: views.filter((v) => v.status === "approved").length, m: views.length },
    costFen: views.reduce((sum, v) => sum + v.costFen, 0),
  };
}
