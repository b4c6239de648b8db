import "server-only";
import { Prisma } from "@/lib/generated/sqlite/client";
import { DRAFT_SLOTS, type DraftImage, type DraftSaved, type DraftSlot, type DraftState, draftStateSchema, type DraftView } from "@/lib/shared/studio-draft";
import type { Db } from "../db";
import { AppError } from "../errors";
import { usableUploadIds } from "../generations/create-generation";
import { viewerMediaUrls } from "../generations/viewer-media-urls";
import { type Access, assertGenerateIn, type Workspace } from "../permissions";

// One studio draft per (user, workspace), saved by the form as the user types (docs/api.md, "Studio
// drafts"). Last write wins, but only a write that knows the latest version: each save names the
// version it was based on and is refused 409 draft_conflict when another tab or device has saved
// since, so an older tab cannot silently overwrite a newer draft (the form asks the user which to keep).
// The draft does not keep its images alive: the upload collector may delete an image nobody used,
// so images are re-checked on every read and reported missing instead of restored.

const PERSONAL = "personal";

function scopeOf(ws: Workspace): { scope: string; teamId: string | null } {
  return ws.kind === "team" ? { scope: ws.teamId, teamId: ws.teamId } : { scope: PERSONAL, teamId: null };
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string }).code === "P2002";
}

/** Saves `state` if the stored draft is still at `baseVersion` (0: none yet); the new version otherwise 409. */
export async function saveDraft(client: Db, access: Access, ws: Workspace, baseVersion: number, state: DraftState): Promise<DraftSaved> {
  const { scope, teamId } = scopeOf(assertGenerateIn(access, ws));
  const userId = access.actor.id;
  const data = state as unknown as Prisma.InputJsonValue;
  if (baseVersion === 0) {
    try {
      const row = await client.studioDraft.create({ data: { userId, scope, teamId, state: data, version: 1 } });
      return { version: row.version, savedAt: row.updatedAt.toISOString() };
    } catch (err) {
      // Another tab created it first.
      if (isUniqueViolation(err)) throw new AppError("draft_conflict");
      throw err;
    }
  }
  // Compare-and-set in one statement: two saves based on the same version cannot both succeed.
  const updated = await client.studioDraft.updateMany({ where: { userId, scope, version: baseVersion }, data: { state: data, version: baseVersion + 1 } });
  if (updated.count !== 1) throw new AppError("draft_conflict");
  const row = await client.studioDraft.findUniqueOrThrow({ where: { userId_scope: { userId, scope } }, select: { version: true, updatedAt: true } });
  return { version: row.version, savedAt: row.updatedAt.toISOString() };
}

/**
 * "Clear draft": an explicit action, so it needs no version; it empties the draft and still raises
 * the version, so a tab that saved before the clear is told rather than bringing the draft back.
 */
export async function clearDraft(client: Db, access: Access, ws: Workspace): Promise<DraftSaved> {
  const { scope, teamId } = scopeOf(assertGenerateIn(access, ws));
  const userId = access.actor.id;
  const row = await client.studioDraft.upsert({
    where: { userId_scope: { userId, scope } },
    create: { userId, scope, teamId, state: Prisma.DbNull, version: 1 },
    update: { state: Prisma.DbNull, version: { increment: 1 } },
    select: { version: true, updatedAt: true },
  });
  return { version: row.version, savedAt: row.updatedAt.toISOString() };
}

/**
 * The chosen images that can still be used in this workspace: READY, usable by the actor (their own,
 * a team frame they may generate from, or an input of a clip they can see) and not another team's.
 */
async function resolveImages(client: Db, access: Access, teamId: string | null, state: DraftState): Promise<Partial<Record<DraftSlot, DraftImage>>> {
  const chosen = DRAFT_SLOTS.flatMap((slot) => (state.images[slot] ? [{ slot, id: state.images[slot] }] : []));
  if (chosen.length === 0) return {};
  const rows = await client.upload.findMany({
    where: { id: { in: chosen.map((c) => c.id) }, status: "READY" },
    select: { id: true, ownerId: true, teamId: true, storageKey: true, mime: true, width: true, height: true, bytes: true },
  });
  const here = rows.filter((u) => u.teamId === null || u.teamId === teamId);
  const usable = await usableUploadIds(client, access, here);
  const byId = new Map(here.filter((u) => usable.has(u.id)).map((u) => [u.id, u]));
  const urls = byId.size ? await viewerMediaUrls(access) : null;
  const out: Partial<Record<DraftSlot, DraftImage>> = {};
  for (const { slot, id } of chosen) {
    const u = byId.get(id);
    out[slot] =
      u && urls
        ? { status: "ok", upload: { id: u.id, width: u.width, height: u.height, mime: u.mime, bytes: u.bytes, url: urls.url({ key: u.storageKey, contentType: u.mime }) } }
        : { status: "missing" };
  }
  return out;
}

/** The actor's draft in `ws`, its images re-checked. A stored state this version cannot read counts as no draft. */
export async function getDraft(client: Db, access: Access, ws: Workspace): Promise<DraftView> {
  const { scope, teamId } = scopeOf(assertGenerateIn(access, ws));
  const row = await client.studioDraft.findUnique({ where: { userId_scope: { userId: access.actor.id, scope } }, select: { state: true, version: true, updatedAt: true } });
  if (!row) return { version: 0, savedAt: null, state: null, images: {} };
  const parsed = row.state === null ? null : draftStateSchema.safeParse(row.state);
  const state = parsed?.success ? parsed.data : null;
  return { version: row.version, savedAt: row.updatedAt.toISOString(), state, images: state ? await resolveImages(client, access, teamId, state) : {} };
}
