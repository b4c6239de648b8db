import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { displayName } from "@/lib/shared/display-name";
import { type Access, assertMay, canOnFilm, canShare } from "../permissions";
import type { CreateShareInput } from "./schemas";
import type { CreatedShareLink, ShareLinkView } from "@/lib/shared/share-link-views";
import { linkTokenHash, newLinkToken } from "../link-token";
import { linkStatus } from "./link-status";

// Owners' side of share links: create (token returned once, only its hash stored), list, revoke.
// Permission: canShare on the clip (members their own team clips, admins/owners any team clip, the
// creator for personal clips). A clip the actor may not share answers 404, like one they cannot see
// (a viewer gets 404 too, never 403: the clip predicates have no "forbidden" answer).

const HOUR_MS = 3_600_000;
const LIST_LIMIT = 200;

const linkSelect = {
  id: true,
  generationId: true,
  filmExportId: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  allowDownload: true,
  showPrompt: true,
  views: true,
  lastViewedAt: true,
  createdBy: { select: { id: true, name: true, email: true } },
} as const;

interface LinkRow {
  id: string;
  generationId: string | null;
  filmExportId: string | null;
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  allowDownload: boolean;
  showPrompt: boolean;
  views: number;
  lastViewedAt: Date | null;
  createdBy: { id: string; name: string | null; email: string };
}

export interface ShareMeta {
  ip?: string | null;
}

function linkView(l: LinkRow, now = new Date()): ShareLinkView {
  return {
    id: l.id,
    generationId: l.generationId,
    filmExportId: l.filmExportId,
    createdAt: l.createdAt.toISOString(),
    createdBy: { id: l.createdBy.id, name: displayName(l.createdBy) },
    expiresAt: l.expiresAt?.toISOString() ?? null,
    revokedAt: l.revokedAt?.toISOString() ?? null,
    allowDownload: l.allowDownload,
    showPrompt: l.showPrompt,
    views: l.views,
    lastViewedAt: l.lastViewedAt?.toISOString() ?? null,
    status: linkStatus(l, now),
  };
}

const clipSelect = { id: true, ownerId: true, teamId: true, deletedAt: true, status: true } as const;

async function shareableClip(client: Pick<Db, "generation">, access: Access, generationId: string) {
  // Not visible → 404; visible but not the actor's to share (viewers, others' team clips) → 403.
  return assertMay(access, await client.generation.findUnique({ where: { id: generationId }, select: clipSelect }), canShare);
}

/** `${base}/s/<token>`; base = the studio's public origin (http/public-origin.ts). */
function shareUrl(base: string, token: string): string {
  return `${base.replace(/\/+$/, "")}/s/${token}`;
}

export async function createShareLink(
  client: Db,
  access: Access,
  generationId: string,
  input: CreateShareInput,
  baseUrl: string,
  meta: ShareMeta = {},
): Promise<CreatedShareLink> {
  const token = newLinkToken();
  const row = await writeTransaction(client, async (tx) => {
    const g = await shareableClip(tx, access, generationId);
    if (g.status !== "STORED") throw new AppError("share_not_ready");
    const expiresAt = input.expiresInHours === null ? null : new Date(Date.now() + input.expiresInHours * HOUR_MS);
    const created = await tx.shareLink.create({
      data: {
        generationId: g.id,
        createdById: access.actor.id,
        tokenHash: linkTokenHash(token),
        expiresAt,
        allowDownload: input.allowDownload,
        showPrompt: input.showPrompt,
      },
      select: linkSelect,
    });
    await recordAudit(tx, {
      teamId: g.teamId,
      actorId: access.actor.id,
      action: "share.create",
      targetType: "share",
      targetId: created.id,
      data: { generationId: g.id, expiresAt: expiresAt?.toISOString() ?? null, allowDownload: input.allowDownload, showPrompt: input.showPrompt },
      ip: meta.ip,
    });
    return created;
  });
  return { link: linkView(row), token, url: shareUrl(baseUrl, token) };
}

const exportSelect = { id: true, status: true, deletedAt: true, createdById: true, film: { select: { ownerId: true, teamId: true, deletedAt: true } } } as const;
type ExportRow = { id: string; status: string; deletedAt: Date | null; createdById: string | null; film: { ownerId: string; teamId: string | null; deletedAt: Date | null } };

/** A film export's links follow the export's own rule: its creator (while they may edit the film) or admins/owners. */
function assertMayShareExport(access: Access, e: ExportRow | null): ExportRow {
  if (!e || e.deletedAt !== null || !canOnFilm(access, e.film, "view")) throw new AppError("not_found");
  const own = e.createdById === access.actor.id && canOnFilm(access, e.film, "edit");
  if (!own && !canOnFilm(access, e.film, "delete")) throw new AppError("team_role_forbidden");
  return e;
}

/** A link to a READY film export: the share page plays the film (share_not_ready before READY). */
export async function createExportShareLink(client: Db, access: Access, filmExportId: string, input: CreateShareInput, baseUrl: string, meta: ShareMeta = {}): Promise<CreatedShareLink> {
  const token = newLinkToken();
  const row = await writeTransaction(client, async (tx) => {
    const e = assertMayShareExport(access, await tx.filmExport.findUnique({ where: { id: filmExportId }, select: exportSelect }));
    if (e.status !== "READY") throw new AppError("share_not_ready");
    const expiresAt = input.expiresInHours === null ? null : new Date(Date.now() + input.expiresInHours * HOUR_MS);
    const created = await tx.shareLink.create({
      data: { filmExportId: e.id, createdById: access.actor.id, tokenHash: linkTokenHash(token), expiresAt, allowDownload: input.allowDownload, showPrompt: input.showPrompt },
      select: linkSelect,
    });
    await recordAudit(tx, {
      teamId: e.film.teamId,
      actorId: access.actor.id,
      action: "share.create",
      targetType: "share",
      targetId: created.id,
      data: { filmExportId: e.id, expiresAt: expiresAt?.toISOString() ?? null, allowDownload: input.allowDownload },
      ip: meta.ip,
    });
    return created;
  });
  return { link: linkView(row), token, url: shareUrl(baseUrl, token) };
}

/** A film export's links, newest first. */
export async function listExportShareLinks(client: Db, access: Access, filmExportId: string): Promise<{ items: ShareLinkView[] }> {
  assertMayShareExport(access, await client.filmExport.findUnique({ where: { id: filmExportId }, select: exportSelect }));
  const rows = await client.shareLink.findMany({ where: { filmExportId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: LIST_LIMIT, select: linkSelect });
  const now = new Date();
  return { items: rows.map((r) => linkView(r, now)) };
}

/** A clip's links, newest first (active, expired and revoked alike). */
export async function listShareLinks(client: Db, access: Access, generationId: string): Promise<{ items: ShareLinkView[] }> {
  await shareableClip(client, access, generationId);
  const rows = await client.shareLink.findMany({
    where: { generationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: linkSelect,
  });
  const now = new Date();
  return { items: rows.map((r) => linkView(r, now)) };
}

/** Revoke a link: takes effect on the very next request (every page load and media request re-resolves
 *  the token). Idempotent: revoking a revoked link answers the same view and records nothing new. */
export async function revokeShareLink(client: Db, access: Access, linkId: string, meta: ShareMeta = {}): Promise<ShareLinkView> {
  return writeTransaction(client, async (tx) => {
    const link = await tx.shareLink.findUnique({
      where: { id: linkId },
      select: { id: true, generation: { select: clipSelect }, filmExport: { select: exportSelect } },
    });
    if (!link) throw new AppError("not_found");
    const teamId = link.generation ? assertMay(access, link.generation, canShare).teamId : assertMayShareExport(access, link.filmExport).film.teamId;
    const now = new Date();
    const { count } = await tx.shareLink.updateMany({ where: { id: linkId, revokedAt: null }, data: { revokedAt: now } });
    const row = await tx.shareLink.findUniqueOrThrow({ where: { id: linkId }, select: linkSelect });
    if (count === 1) {
      await recordAudit(tx, {
        teamId,
        actorId: access.actor.id,
        action: "share.revoke",
        targetType: "share",
        targetId: linkId,
        data: { generationId: link.generation?.id ?? null, filmExportId: link.filmExport?.id ?? null, expiresAt: row.expiresAt?.toISOString() ?? null, allowDownload: row.allowDownload },
        ip: meta.ip,
      });
    }
    return linkView(row, now);
  });
}
