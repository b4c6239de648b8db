import "server-only";
import type { Db } from "../db";
import { AppError } from "../errors";
import { handoffResponse } from "../film-handoff/handoff-package";
import type { Access } from "../permissions";
import { storage } from "../storage/instance";
import { buildCut } from "./build-cut";

// GET /api/films/:filmId/handoff: the film's cut as the hand-off zip (film-handoff/handoff-package.ts),
// with each clip's chosen take read from storage as the zip reaches it. Refused like the export when a
// shot has no usable take (409 shot_no_usable_take naming the shots), before any byte is sent.

export async function filmHandoff(client: Db, access: Access, filmId: string): Promise<Response> {
  const { cut, takes } = await buildCut(client, access, filmId);
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
  return handoffResponse(cut, (mediaName) => store.read(keyOfMedia.get(mediaName)!));
}
