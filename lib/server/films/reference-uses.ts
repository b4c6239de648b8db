import "server-only";
import type { Db } from "../db";
import { AppError } from "../errors";

// A reference that shots of live films use as a frame is not deleted: the delete is refused, naming
// the films and shot numbers, so the team re-points those shots first. (Marking the shots blocked
// instead would leave a storyboard that cannot make takes without saying who broke it.)

const MAX_NAMED = 20;

/** Refuses (409 reference_in_use) when a shot of a film that is not deleted starts or ends on `referenceId`. */
export async function assertReferenceUnused(client: Pick<Db, "shot">, referenceId: string): Promise<void> {
  const shots = await client.shot.findMany({
    where: { OR: [{ startReferenceId: referenceId }, { endReferenceId: referenceId }], film: { deletedAt: null } },
    orderBy: [{ filmId: "asc" }, { position: "asc" }],
    take: MAX_NAMED,
    select: { position: true, film: { select: { id: true, title: true } } },
  });
  if (shots.length === 0) return;
  const byFilm = new Map<string, { title: string; numbers: number[] }>();
  for (const s of shots) {
    const f = byFilm.get(s.film.id) ?? { title: s.film.title, numbers: [] };
    f.numbers.push(s.position + 1);
    byFilm.set(s.film.id, f);
  }
  const named = [...byFilm.values()].map((f) => `“${f.title}” ${f.numbers.join(", ")}`).join("; ");
  throw new AppError("reference_in_use", { vars: { shots: named } });
}
