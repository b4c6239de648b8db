import "server-only";
import type { Prisma } from "@/lib/generated/sqlite/client";
import { canExportTransition, exportSourcesOf, type FilmExportStatus } from "@/lib/shared/film/film-export-lifecycle";
import type { Tx } from "../jobs/job-kind";

// Every status write of a FilmExport goes through here: a conditional update from exactly the statuses
// the life-cycle table allows (lib/shared/film/film-export-lifecycle.ts), so a cancel, a delete and the
// job's own transitions can race and the loser changes nothing. Returns whether the row moved.

type Client = Pick<Tx, "filmExport">;

export async function moveExport(
  client: Client,
  id: string,
  to: FilmExportStatus,
  data: Omit<Prisma.FilmExportUncheckedUpdateManyInput, "status"> = {},
  from: readonly FilmExportStatus[] = exportSourcesOf(to),
): Promise<boolean> {
  for (const f of from) if (!canExportTransition(f, to)) throw new Error(`film export: illegal transition ${f} → ${to}`);
  const { count } = await client.filmExport.updateMany({ where: { id, status: { in: [...from] } }, data: { ...data, status: to } });
  return count === 1;
}
