import "server-only";
import type { Db } from "../db";
import { AppError } from "../errors";
import { type HandoffVoiceLine, handoffResponse } from "../film-handoff/handoff-package";
import type { Access } from "../permissions";
import { storage } from "../storage/instance";
import { buildCut } from "./build-cut";

// GET /api/films/:filmId/handoff: the film's cut as the hand-off zip (film-handoff/handoff-package.ts),
// with each clip's chosen take and voice-over WAV read from storage as the zip reaches it. Refused like
// the export when a shot has no usable take (409 shot_no_usable_take naming the shots), before any byte
// is sent. A voice whose object is gone from storage is looked up first and left out as missing (named
// in the README) rather than breaking the download half-way.

export async function filmHandoff(client: Db, access: Access, filmId: string): Promise<Response> {
  const { cut, takes, voices, voiceLines } = await buildCut(client, access, filmId);
  const ids = [...new Set(Object.values(takes))];
  const assets = await client.asset.findMany({ where: { generationId: { in: ids }, kind: "VIDEO" }, select: { generationId: true, storageKey: true } });
  const keyOf = new Map(assets.map((a) => [a.generationId, a.storageKey]));
  const keyOfMedia = new Map(cut.clips.map((c) => [c.mediaName, keyOf.get(takes[c.shotId] ?? "")]));
  const missing = cut.clips.flatMap((c, i) => (keyOfMedia.get(c.mediaName) ? [] : [{ n: i + 1, shotId: c.shotId }]));
  if (missing.length) {
    throw new AppError("shot_no_usable_take", {
      vars: { shots: missing.map((m) => m.n).join(", ") },
      fields: missing.map((m) => ({ path: `shots.${m.shotId}`, key: "errors.field.shot_no_take" as const })),
    });
  }
  const store = storage();
  const lines: HandoffVoiceLine[] = [];
  for (const line of voiceLines) {
    const clip = cut.clips.find((c) => c.shotId === line.shotId);
    const key = voices[line.shotId];
    const stored = line.state === "ready" && clip?.voice && key ? (await store.stat(key)) !== null : false;
    if (stored) keyOfMedia.set(clip!.voice!.mediaName, key);
    lines.push({ shotId: line.shotId, speaker: line.speaker, leftOut: line.state === "stale" ? "stale" : stored ? null : "missing" });
  }
  return handoffResponse(cut, (mediaName) => store.read(keyOfMedia.get(mediaName)!), lines);
}
