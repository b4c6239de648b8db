import "server-only";
import type { Db } from "../db";
import { AppError } from "../errors";
import { type Access, canUseUpload } from "../permissions";
import type { FilmRow } from "./load-film";
import type { ShotFields } from "./shot-columns";

// A shot may only point at images the actor may use (their uploads, or their team's when they may
// make takes there) and at references of the film's own workspace. Checked when the shot is written,
// so a storyboard never holds a frame source that another tenant owns; checked again when takes are
// made (the create path's own input check), since an upload can be deleted in between.

export async function checkShotSources(client: Pick<Db, "upload" | "reference">, access: Access, film: FilmRow, f: Pick<ShotFields, "start" | "end">): Promise<void> {
  for (const source of [f.start, f.end]) {
    if (!source) continue;
    if (source.kind === "upload" || source.kind === "still") {
      const u = await client.upload.findUnique({ where: { id: source.uploadId }, select: { ownerId: true, teamId: true, status: true } });
      if (!u || u.status !== "READY" || !canUseUpload(access, u)) throw new AppError("upload_not_found");
    } else if (source.kind === "reference") {
      const r = await client.reference.findUnique({ where: { id: source.referenceId }, select: { ownerId: true, teamId: true, deletedAt: true } });
      const sameWorkspace = r && r.deletedAt === null && r.teamId === film.teamId && (film.teamId !== null || r.ownerId === film.ownerId);
      if (!sameWorkspace) throw new AppError("reference_not_found");
    }
  }
}
