import "server-only";
import type { Db } from "../db";
import { isUniqueViolation } from "../db/unique-violation";
import type { Access } from "../permissions";

// Personal tags: Tag rows with ownerId = actor and teamId = null. The unique index
// (ownerId, teamId, name) does not stop duplicates while teamId is NULL (NULLs are distinct on both
// SQLite and PostgreSQL), so lookups go by (ownerId, teamId: null, name) and a create race resolves
// to the oldest row.

type TagClient = Pick<Db, "tag" | "generationTag">;

async function tagIdsFor(client: TagClient, ownerId: string, names: string[], create: boolean): Promise<string[]> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return [];
  const existing = await client.tag.findMany({
    where: { ownerId, teamId: null, name: { in: unique } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true },
  });
  const idOf = new Map<string, string>();
  for (const t of existing) if (!idOf.has(t.name)) idOf.set(t.name, t.id);
  if (create) {
    for (const name of unique) {
      if (idOf.has(name)) continue;
      try {
        idOf.set(name, (await client.tag.create({ data: { ownerId, teamId: null, name }, select: { id: true } })).id);
      } catch (e) {
        if (!isUniqueViolation(e)) throw e;
        const t = await client.tag.findFirst({ where: { ownerId, teamId: null, name }, orderBy: { createdAt: "asc" } });
        if (t) idOf.set(name, t.id);
      }
    }
  }
  return [...idOf.values()];
}

/** Adds and removes the actor's tags on clips the caller has already authorized. Idempotent. */
export async function applyTags(client: TagClient, access: Access, generationIds: string[], change: { add?: string[]; remove?: string[] }) {
  const remove = await tagIdsFor(client, access.actor.id, change.remove ?? [], false);
  if (remove.length) await client.generationTag.deleteMany({ where: { generationId: { in: generationIds }, tagId: { in: remove } } });
  const add = await tagIdsFor(client, access.actor.id, change.add ?? [], true);
  if (add.length === 0) return;
  const have = await client.generationTag.findMany({
    where: { generationId: { in: generationIds }, tagId: { in: add } },
    select: { generationId: true, tagId: true },
  });
  const seen = new Set(have.map((h) => `${h.generationId}/${h.tagId}`));
  const data = generationIds.flatMap((generationId) => add.map((tagId) => ({ generationId, tagId }))).filter((r) => !seen.has(`${r.generationId}/${r.tagId}`));
  for (const row of data) {
    try {
      await client.generationTag.create({ data: row });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e; // a concurrent request tagged it first: same outcome
    }
  }
}

/** The actor's tag names that are on at least one visible clip, for the filter's suggestions. */
export async function listTagNames(client: Db, access: Access): Promise<string[]> {
  const actor = access.actor;
  const tags = await client.tag.findMany({
    where: { ownerId: actor.id, teamId: null, clips: { some: { generation: { ownerId: actor.id, deletedAt: null } } } },
    select: { name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
  return [...new Set(tags.map((t) => t.name))];
}
