import "server-only";
import type { Actor } from "../auth/session";
import type { Db } from "../db";
import { AppError } from "../errors";
import { CLIP_ACTIONS, type ClipAction } from "@/lib/shared/clip-rights";
import { type TeamAction, type TeamRole, roleAllows } from "@/lib/shared/team-roles";

export { type TeamAction, type TeamRole,     } from "@/lib/shared/team-roles";

// Authorization lives here and nowhere else (the role table it reads is shared with the UI, which only
// uses it to decide which controls to show). Every request gets one `Access`, built by `accessOf` in
// route() (pages: once per render) and passed to the services — the actor plus their team roles read
// from the DATABASE on this very request (never from the session token), so a removal or demotion
// bites on the next request.
// Predicates are synchronous over that snapshot; list queries use the `where` helpers built from the
// same rules so a list and a single-object check can never disagree. "Not visible" is always 404
// (never 403): ids of other tenants are indistinguishable from missing ones. Instance admins manage
// instance settings, not team content: their role gives them no access to any clip or team.

export interface Access {
  actor: Actor;
  /** teamId → role, live teams only. */
  roles: ReadonlyMap<string, TeamRole>;
}

/** Where clips are made and browsed: the actor's personal space or one team. */
export type Workspace = { kind: "personal" } | { kind: "team"; teamId: string };

interface OwnedGeneration {
  ownerId: string;
  teamId: string | null;
  deletedAt: Date | null;
}

interface OwnedUpload {
  ownerId: string;
  teamId: string | null;
}

/** One query per request (route() for handlers, once per render for pages): the actor's memberships
 *  in teams that still exist. Services are handed the result and never call this themselves. */
export async function accessOf(client: Pick<Db, "membership">, actor: Actor): Promise<Access> {
  const rows = await client.membership.findMany({
    where: { userId: actor.id, team: { deletedAt: null } },
    select: { teamId: true, role: true },
  });
  return { actor, roles: new Map(rows.map((r) => [r.teamId, r.role])) };
}

export function roleIn(access: Access, teamId: string): TeamRole | null {
  return access.roles.get(teamId) ?? null;
}

/** May the actor do `action` in team `teamId`? Non-members may do nothing. */
export function can(access: Access, teamId: string, action: TeamAction): boolean {
  const role = roleIn(access, teamId);
  return role !== null && roleAllows(role, action);
}

/** Team-level guard for handlers: non-members get 404 (the team "does not exist" for them),
 *  members whose role lacks the action get 403 `team_role_forbidden`. */
export function assertCan(access: Access, teamId: string, action: TeamAction): TeamRole {
  const role = roleIn(access, teamId);
  if (role === null) throw new AppError("not_found");
  if (!roleAllows(role, action)) throw new AppError("team_role_forbidden");
  return role;
}

/** A workspace the actor may browse; a team they are not in is 404. */
export function assertWorkspace(access: Access, ws: Workspace): Workspace {
  if (ws.kind === "team" && !can(access, ws.teamId, "clip.view")) throw new AppError("not_found");
  return ws;
}

/** Prisma `where` fragment: the clips of workspace `ws` (call assertWorkspace first). */
export function workspaceGenerationsWhere(access: Access, ws: Workspace) {
  if (ws.kind === "team") {
    if (!can(access, ws.teamId, "clip.view")) return { id: "\u0000none", deletedAt: null };
    return { teamId: ws.teamId, deletedAt: null };
  }
  return { ownerId: access.actor.id, teamId: null, deletedAt: null };
}

/** Prisma `where` fragment: every clip the actor may see in any workspace (SSE, bulk actions). */
export function visibleGenerationsWhere(access: Access) {
  const teamIds = [...access.roles.keys()];
  return {
    deletedAt: null,
    OR: [{ ownerId: access.actor.id, teamId: null }, ...(teamIds.length ? [{ teamId: { in: teamIds } }] : [])],
  };
}

function teamAction(access: Access, g: OwnedGeneration, own: TeamAction, any: TeamAction): boolean {
  if (g.teamId === null) return g.ownerId === access.actor.id;
  if (g.ownerId === access.actor.id && can(access, g.teamId, own)) return true;
  return can(access, g.teamId, any);
}

export function canView(access: Access, g: OwnedGeneration): boolean {
  if (g.deletedAt !== null) return false;
  return g.teamId === null ? g.ownerId === access.actor.id : can(access, g.teamId, "clip.view");
}

/** Viewers watch and download. */
export function canDownload(access: Access, g: OwnedGeneration): boolean {
  return canView(access, g) && (g.teamId === null || can(access, g.teamId, "clip.download"));
}

/** Cancel refunds the creator's money: the creator (still allowed to generate there) or a team admin. */
export function canCancel(access: Access, g: OwnedGeneration): boolean {
  return canView(access, g) && teamAction(access, g, "clip.generate", "clip.manageAny");
}

/** Retry makes (and pays for) a new clip in the same workspace: needs the right to generate there. */
export function canRetry(access: Access, g: OwnedGeneration): boolean {
  return canView(access, g) && (g.teamId === null ? g.ownerId === access.actor.id : can(access, g.teamId, "clip.generate"));
}

/** Members delete their own team clips; admins and owners any team clip. */
export function canDelete(access: Access, g: OwnedGeneration): boolean {
  return canView(access, g) && teamAction(access, g, "clip.deleteOwn", "clip.manageAny");
}

/** Tags and favourites: personal clips by their owner; team clips by members and up. */
export function canAnnotate(access: Access, g: OwnedGeneration): boolean {
  return canView(access, g) && (g.teamId === null || can(access, g.teamId, "clip.annotate"));
}

/** Share links: members share their own team clips; admins and owners any team clip. */
export function canShare(access: Access, g: OwnedGeneration): boolean {
  return canView(access, g) && teamAction(access, g, "clip.shareOwn", "clip.manageAny");
}

/** Moving a personal clip into a team: its creator, who must be allowed to generate in that team. */
export function canMoveToTeam(access: Access, g: OwnedGeneration, teamId: string): boolean {
  return canView(access, g) && g.teamId === null && g.ownerId === access.actor.id && can(access, teamId, "clip.generate");
}

/** The clip actions of the role table the actor has in a workspace (the personal space: all); pages hand them to the UI. */
export function clipActionsIn(access: Access, ws: Workspace): ClipAction[] {
  if (ws.kind === "personal") return [...CLIP_ACTIONS];
  return CLIP_ACTIONS.filter((a) => can(access, ws.teamId, a));
}

/** Generating into a workspace. */
export function canGenerateIn(access: Access, ws: Workspace): boolean {
  return ws.kind === "personal" || can(access, ws.teamId, "clip.generate");
}

/**
 * Guard for the studio form of a workspace (its draft, its prompt history): the right to generate
 * there. A team the actor is not in is 404; a viewer, who has no form, 403 team_role_forbidden.
 */
export function assertGenerateIn(access: Access, ws: Workspace): Workspace {
  if (ws.kind === "team") assertCan(access, ws.teamId, "clip.generate");
  return ws;
}

/** Reading an uploaded image (its preview in the studio): the uploader, or a member of the upload's team (a team take's last frame). */
export function canViewUpload(access: Access, upload: OwnedUpload): boolean {
  return upload.ownerId === access.actor.id || (upload.teamId !== null && can(access, upload.teamId, "clip.view"));
}

/** Using an upload as a generation input: the uploader, or anyone who may generate in the upload's team (a team take's last frame). */
export function canUseUpload(access: Access, upload: OwnedUpload): boolean {
  return upload.ownerId === access.actor.id || (upload.teamId !== null && can(access, upload.teamId, "clip.generate"));
}

/** Continuing from a take (its last frame starts a new take in the same workspace): the right to generate there. */
export function canContinueFrom(access: Access, g: OwnedGeneration): boolean {
  return canRetry(access, g);
}

/**
 * Guard for one clip and one action: not visible (missing, deleted, another tenant's) → 404; visible
 * but the actor's role or authorship does not allow `may` → 403 team_role_forbidden, so the UI can say
 * why instead of pretending the clip is gone.
 */
export function assertMay<T extends OwnedGeneration>(access: Access, generation: T | null, may: (access: Access, g: T) => boolean): T {
  const g = assertVisible(access, generation);
  if (!may(access, g)) throw new AppError("team_role_forbidden");
  return g;
}

/** Narrowing guard for handlers: a missing or foreign object is the same 404. */
export function assertVisible<T extends OwnedGeneration>(access: Access, generation: T | null): T {
  if (!generation || !canView(access, generation)) throw new AppError("not_found");
  return generation;
}

// Films and the workspace's reference library follow the clips' rules: a personal film is its
// creator's alone; a team film is the team's, each role doing what the role table's film.* rows say.
// Not visible → 404; visible but not allowed → 403 team_role_forbidden.

export type FilmAction = "view" | "comment" | "edit" | "review" | "delete";

interface WorkspaceThing {
  ownerId: string;
  teamId: string | null;
  deletedAt: Date | null;
}

export function canOnFilm(access: Access, thing: WorkspaceThing, action: FilmAction): boolean {
  if (thing.deletedAt !== null) return false;
  if (thing.teamId === null) return thing.ownerId === access.actor.id;
  return can(access, thing.teamId, `film.${action}`);
}

/** Guard for a film (or a reference of the library) and one action. */
export function assertOnFilm<T extends WorkspaceThing>(access: Access, thing: T | null, action: FilmAction): T {
  if (!thing || !canOnFilm(access, thing, "view")) throw new AppError("not_found");
  if (!canOnFilm(access, thing, action)) throw new AppError("team_role_forbidden");
  return thing;
}

/** Guard for a workspace and one film action (creating a film or a reference there, listing them). */
export function assertFilmWorkspace(access: Access, ws: Workspace, action: FilmAction): Workspace {
  if (ws.kind === "personal") return ws;
  const role = roleIn(access, ws.teamId);
  if (role === null) throw new AppError("not_found");
  if (!roleAllows(role, `film.${action}`)) throw new AppError("team_role_forbidden");
  return ws;
}

/** Prisma `where` fragment: the films (or references) of workspace `ws` (call assertFilmWorkspace first). */
export function workspaceFilmsWhere(access: Access, ws: Workspace) {
  return ws.kind === "team" ? { teamId: ws.teamId, deletedAt: null } : { ownerId: access.actor.id, teamId: null, deletedAt: null };
}
