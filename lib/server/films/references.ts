import "server-only";
import type { z } from "zod";
import type { createReferenceSchema, updateReferenceSchema } from "@/lib/shared/film/film-schemas";
import type { ReferenceView } from "@/lib/shared/film/film-views";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { type Access, assertFilmWorkspace, assertOnFilm, canUseUpload, workspaceFilmsWhere, type Workspace } from "../permissions";
import { assertReferenceUnused } from "./reference-uses";

// The workspace's library of characters and products: a name and a reference image (an Upload the
// actor may use). Same roles as films: everyone sees, members add and change, admins/owners delete.
// Deleting is soft and refused while shots of a live film use the reference (reference-uses.ts names
// them); shots of deleted films keep pointing at it (their takes were made with it).

type Row = { id: string; kind: "CHARACTER" | "PRODUCT"; name: string; uploadId: string; teamId: string | null; createdAt: Date };
const SELECT = { id: true, kind: true, name: true, uploadId: true, teamId: true, createdAt: true } as const;

function viewOf(r: Row): ReferenceView {
  return { id: r.id, kind: r.kind === "CHARACTER" ? "character" : "product", name: r.name, uploadId: r.uploadId, imageUrl: `/api/uploads/${encodeURIComponent(r.uploadId)}`, teamId: r.teamId, createdAt: r.createdAt.toISOString() };
}

async function assertUsableUpload(client: Pick<Db, "upload">, access: Access, uploadId: string): Promise<void> {
  const u = await client.upload.findUnique({ where: { id: uploadId }, select: { ownerId: true, teamId: true, status: true } });
  if (!u || u.status !== "READY" || !canUseUpload(access, u)) throw new AppError("upload_not_found");
}

export async function listReferences(client: Db, access: Access, ws: Workspace): Promise<{ items: ReferenceView[] }> {
  assertFilmWorkspace(access, ws, "view");
  const rows = await client.reference.findMany({ where: workspaceFilmsWhere(access, ws), orderBy: [{ name: "asc" }, { id: "asc" }], take: 500, select: SELECT });
  return { items: rows.map(viewOf) };
}

export async function createReference(client: Db, access: Access, ws: Workspace, input: z.infer<typeof createReferenceSchema>, ip: string): Promise<ReferenceView> {
  assertFilmWorkspace(access, ws, "edit");
  await assertUsableUpload(client, access, input.uploadId);
  const teamId = ws.kind === "team" ? ws.teamId : null;
  const row = await writeTransaction(client, async (tx) => {
    const r = await tx.reference.create({ data: { ownerId: access.actor.id, teamId, kind: input.kind === "character" ? "CHARACTER" : "PRODUCT", name: input.name, uploadId: input.uploadId }, select: SELECT });
    await recordAudit(tx, { teamId, actorId: access.actor.id, action: "reference.create", targetType: "reference", targetId: r.id, data: { kind: input.kind }, ip });
    return r;
  });
  return viewOf(row);
}

async function loadReference(client: Db, access: Access, id: string, action: "edit" | "delete") {
  return assertOnFilm(access, await client.reference.findUnique({ where: { id }, select: { ...SELECT, ownerId: true, deletedAt: true } }), action);
}

export async function updateReference(client: Db, access: Access, id: string, input: z.infer<typeof updateReferenceSchema>, ip: string): Promise<ReferenceView> {
  const ref = await loadReference(client, access, id, "edit");
  if (input.uploadId) await assertUsableUpload(client, access, input.uploadId);
  const row = await writeTransaction(client, async (tx) => {
    const r = await tx.reference.update({ where: { id: ref.id }, data: { ...input }, select: SELECT });
    await recordAudit(tx, { teamId: ref.teamId, actorId: access.actor.id, action: "reference.update", targetType: "reference", targetId: ref.id, data: { fields: Object.keys(input).join(",") }, ip });
    return r;
  });
  return viewOf(row);
}

export async function deleteReference(client: Db, access: Access, id: string, ip: string): Promise<void> {
  const ref = await loadReference(client, access, id, "delete");
  await assertReferenceUnused(client, ref.id);
  await writeTransaction(client, async (tx) => {
    await tx.reference.update({ where: { id: ref.id }, data: { deletedAt: new Date() } });
    await recordAudit(tx, { teamId: ref.teamId, actorId: access.actor.id, action: "reference.delete", targetType: "reference", targetId: ref.id, ip });
  });
}
