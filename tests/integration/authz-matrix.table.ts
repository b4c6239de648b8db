// THE authorization matrix (docs/architecture.md, "Permissions"), checked in as a table: every API route (method) × the seven
// actors × the objects {own, same team, other team} → the expected HTTP status. The test
// (authz-matrix.test.ts) runs every cell against the real handlers and asserts 100 % agreement, and
// fails when a route file exports a method that is neither here nor in EXCLUDED.
//
// Actors: anon (no cookie); viewer V, member M, admin A, owner O of team T; otherTeam X (MEMBER of team
// U); instanceAdmin I (User.role ADMIN, in no team). Objects are relative to the actor (see
// tests/support/authz-world.ts): own = the actor's own object in their team (X: in U; I: a personal
// one), same = a teammate's object in the actor's team (T's by M2; U's by X2; for I a T object),
// other = an object of team W, where no actor is a member. Team-level routes: the object is the team
// (own/same = the actor's team: T, U for X, T for I; other = W). "-" = a route without an object
// (counted as one object).
//
// How a status is chosen (requests always carry a valid body, so 422 never masks the decision):
//   success status when allowed · 401 anonymous · 404 when the object is not visible to the actor
//   (another tenant, not a member) · 403 team_role_forbidden / member_rank / forbidden when a TEAM-level
//   right is missing in a team the actor can see · 409 only where state, not authorization, decides.
//   Clip actions go through assertMay (lib/server/permissions): a clip the actor cannot see is 404, a
//   clip they can see but whose action their role or authorship does not allow is 403 team_role_forbidden.
// Rules (lib/shared/team-roles.ts): viewers watch and download; members also generate,
// tag, favourite, share and delete their own team clips; admins manage members (lower rank), budgets,
// invites and any team clip; owners also delete and transfer the team; instance admins manage instance
// settings only (admin routes 200, team content 404).
import type { ActorKey, ObjectKey } from "../support/authz-world";

/** A status, or for bulk actions (always 200) whether the id ended in `done` or was only counted as `missing`. */
export type Expected = number | "200 done" | "200 missing";
export type MatrixRow = readonly [route: string, object: ObjectKey, expected: Readonly<Record<ActorKey, Expected>>];

/** Route methods deliberately left out of the matrix, with the reason. */
export const EXCLUDED: readonly (readonly [route: string, reason: string])[] = [
  ["GET /api/auth/:...nextauth", "next-auth internals (CSRF token, session, provider callbacks); sign-in is covered by auth-service tests"],
  ["POST /api/auth/:...nextauth", "next-auth internals (credentials sign-in, sign-out)"],
];

export const MATRIX: readonly MatrixRow[] = [
  // clip.view (canView): every role of the clip's team; a personal clip only its creator. Anything else 404.
  ["GET /api/generations/:id", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/generations/:id", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/generations/:id", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.annotate (canAnnotate) {favourite: true}: members and up on any team clip; a personal clip its creator. Viewers: visible but not allowed = 403.
  ["PATCH /api/generations/:id", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["PATCH /api/generations/:id", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["PATCH /api/generations/:id", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.deleteOwn / clip.manageAny (canDelete), FAILED (terminal) clip: members their own team clips, admins/owners any team clip.
  ["DELETE /api/generations/:id", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["DELETE /api/generations/:id", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/generations/:id", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.generate own / clip.manageAny (canCancel), QUEUED clip: the creator (who may still generate there) or a team admin/owner.
  ["POST /api/generations/:id/cancel", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/generations/:id/cancel", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["POST /api/generations/:id/cancel", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.generate (canRetry), FAILED clip: anyone who may generate in the clip's workspace (a new clip, paid there).
  ["POST /api/generations/:id/retry", "own", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  ["POST /api/generations/:id/retry", "same", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/generations/:id/retry", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // Continuing from a take (its last frame) needs the right to generate in its workspace, like a retry.
  ["POST /api/generations/:id/last-frame", "own", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  ["POST /api/generations/:id/last-frame", "same", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/generations/:id/last-frame", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.annotate (canAnnotate): making a stored clip's poster and preview again is free; nothing to do for these (they have theirs) = 200.
  ["POST /api/generations/:id/derivatives", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/generations/:id/derivatives", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["POST /api/generations/:id/derivatives", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["GET /api/generations/:id/last-frame", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/generations/:id/last-frame", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/generations/:id/last-frame", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.view (canView): per-clip SSE (STORED clip: replays its state, then closes).
  ["GET /api/generations/:id/events", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/generations/:id/events", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/generations/:id/events", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.view (canView): the studio's pre-fill of a clip.
  ["GET /api/generations/:id/remix", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/generations/:id/remix", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/generations/:id/remix", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // canMoveToTeam {teamId: the actor's team}. Objects: own = the actor's PERSONAL clip, same = the teammate's personal clip, other = W owner's personal clip into W. Viewer: visible clip, visible team, role lacks clip.generate -> 403 team_role_forbidden (as POST /api/generations?team). Instance admin: not in T -> 404.
  ["POST /api/generations/:id/move", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["POST /api/generations/:id/move", "same", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["POST /api/generations/:id/move", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.shareOwn / clip.manageAny (canShare), STORED clip.
  ["GET /api/generations/:id/share-links", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/generations/:id/share-links", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/generations/:id/share-links", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.shareOwn / clip.manageAny (canShare), STORED clip {expiresInHours: 24, allowDownload: true}.
  ["POST /api/generations/:id/share-links", "own", { anon: 401, viewer: 403, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 201 }],
  ["POST /api/generations/:id/share-links", "same", { anon: 401, viewer: 403, member: 403, admin: 201, owner: 201, otherTeam: 403, instanceAdmin: 404 }],
  ["POST /api/generations/:id/share-links", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // canShare on the link's clip (revoke). Object = a fresh link on the own / same-team / other-team STORED clip.
  ["DELETE /api/share-links/:linkId", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["DELETE /api/share-links/:linkId", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/share-links/:linkId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.view (canView): video.mp4 of a STORED clip.
  ["GET /api/media/:generationId/:file", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/media/:generationId/:file", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/media/:generationId/:file", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.view (canView): same as GET.
  ["HEAD /api/media/:generationId/:file", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["HEAD /api/media/:generationId/:file", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["HEAD /api/media/:generationId/:file", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.download (canDownload): viewers download too.
  ["GET /api/media/:generationId/:file?download=1", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/media/:generationId/:file?download=1", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/media/:generationId/:file?download=1", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.download (canDownload) {ids: [clip]}: zip of the downloadable subset; 404 when none is.
  ["POST /api/generations/export", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/generations/export", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["POST /api/generations/export", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.annotate per id (annotatableIds): always 200; the decision shows as the id in `done` vs counted in `missing`.
  ["POST /api/generations/bulk {favourite}", "own", { anon: 401, viewer: "200 missing", member: "200 done", admin: "200 done", owner: "200 done", otherTeam: "200 done", instanceAdmin: "200 done" }],
  ["POST /api/generations/bulk {favourite}", "same", { anon: 401, viewer: "200 missing", member: "200 done", admin: "200 done", owner: "200 done", otherTeam: "200 done", instanceAdmin: "200 missing" }],
  ["POST /api/generations/bulk {favourite}", "other", { anon: 401, viewer: "200 missing", member: "200 missing", admin: "200 missing", owner: "200 missing", otherTeam: "200 missing", instanceAdmin: "200 missing" }],
  // clip.deleteOwn / clip.manageAny per id (canDelete), FAILED clip: `done` vs `missing`.
  ["POST /api/generations/bulk {delete}", "own", { anon: 401, viewer: "200 missing", member: "200 done", admin: "200 done", owner: "200 done", otherTeam: "200 done", instanceAdmin: "200 done" }],
  ["POST /api/generations/bulk {delete}", "same", { anon: 401, viewer: "200 missing", member: "200 missing", admin: "200 done", owner: "200 done", otherTeam: "200 missing", instanceAdmin: "200 missing" }],
  ["POST /api/generations/bulk {delete}", "other", { anon: 401, viewer: "200 missing", member: "200 missing", admin: "200 missing", owner: "200 missing", otherTeam: "200 missing", instanceAdmin: "200 missing" }],
  // canViewUpload: the uploader only (or via a visible clip made from it; these uploads are used by none). Objects: own = the actor's upload, same = the teammate's, other = W owner's.
  ["GET /api/uploads/:id", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/uploads/:id", "same", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["GET /api/uploads/:id", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // canViewUpload: same as GET.
  ["HEAD /api/uploads/:id", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["HEAD /api/uploads/:id", "same", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["HEAD /api/uploads/:id", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.view on the team (assertWorkspace). Object = team: own/same = the actor's team (T; U for X; T for the instance admin), other = W.
  ["GET /api/generations?team=:teamId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/generations?team=:teamId", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/generations?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.generate (canGenerateIn): viewers 403 team_role_forbidden; non-members 404.
  ["POST /api/generations?team=:teamId", "own", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/generations?team=:teamId", "same", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/generations?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // Prompt help spends like a clip (canGenerateIn): viewers 403 team_role_forbidden; non-members 404. 202 = queued (no worker here).
  ["POST /api/prompt-help?team=:teamId", "own", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/prompt-help?team=:teamId", "same", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/prompt-help?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // A prompt-help call is its author's alone (own = the actor's; same = a teammate's; other = W's).
  ["GET /api/prompt-help/:id", "own", { anon: 401, viewer: 202, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  ["GET /api/prompt-help/:id", "same", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["GET /api/prompt-help/:id", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.view on the team (assertWorkspace): workspace SSE.
  ["GET /api/generations/events?team=:teamId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/generations/events?team=:teamId", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/generations/events?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.view on the team: remember the workspace; a team the actor is not in is 404.
  ["PUT /api/workspace {teamId}", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["PUT /api/workspace {teamId}", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["PUT /api/workspace {teamId}", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.generate (canGenerateIn): what is left of the budgets a clip there would count against; viewers 403, non-members 404.
  ["GET /api/workspace/budget?team=:teamId", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/workspace/budget?team=:teamId", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/workspace/budget?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // clip.generate (assertGenerateIn): the studio form's draft and prompt history of a team workspace, each the actor's own;
  // viewers have no form (403 team_role_forbidden), non-members 404.
  ["GET /api/studio/draft?team=:teamId", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/studio/draft?team=:teamId", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/studio/draft?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["PUT /api/studio/draft?team=:teamId", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["PUT /api/studio/draft?team=:teamId", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["PUT /api/studio/draft?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["DELETE /api/studio/draft?team=:teamId", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["DELETE /api/studio/draft?team=:teamId", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["DELETE /api/studio/draft?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["GET /api/studio/prompts?team=:teamId", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/studio/prompts?team=:teamId", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/studio/prompts?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.view: any member; non-members 404.
  ["GET /api/teams/:teamId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.rename: owner, admin {name}.
  ["PATCH /api/teams/:teamId", "own", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["PATCH /api/teams/:teamId", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["PATCH /api/teams/:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.delete: owner only (fresh team copy per cell).
  ["DELETE /api/teams/:teamId", "own", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/teams/:teamId", "same", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/teams/:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.transfer: owner only {userId: a member of that team} (fresh team copy per cell).
  ["POST /api/teams/:teamId/transfer", "own", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["POST /api/teams/:teamId/transfer", "same", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["POST /api/teams/:teamId/transfer", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.view: any member.
  ["GET /api/teams/:teamId/members", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/members", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/members", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.manageMembers + rank {role: VIEWER}. Object = membership: own = the actor's own (self: never outranked -> 403 member_rank), same = the teammate's (M2 MEMBER in T; X2 OWNER in U), other = W owner's. Fresh team copy per cell.
  ["PATCH /api/teams/:teamId/members/:userId", "own", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 404 }],
  ["PATCH /api/teams/:teamId/members/:userId", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["PATCH /api/teams/:teamId/members/:userId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // self: team.leave (the owner gets 409 owner_must_transfer: the team would lose its owner, a state a transfer resolves); others: team.manageMembers + rank. Fresh team copy per cell.
  ["DELETE /api/teams/:teamId/members/:userId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 409, otherTeam: 200, instanceAdmin: 404 }],
  ["DELETE /api/teams/:teamId/members/:userId", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/teams/:teamId/members/:userId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.invite: owner, admin.
  ["GET /api/teams/:teamId/invites", "own", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/invites", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/invites", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.invite: owner, admin {kind: link, role: MEMBER}.
  ["POST /api/teams/:teamId/invites", "own", { anon: 401, viewer: 403, member: 403, admin: 201, owner: 201, otherTeam: 403, instanceAdmin: 404 }],
  ["POST /api/teams/:teamId/invites", "same", { anon: 401, viewer: 403, member: 403, admin: 201, owner: 201, otherTeam: 403, instanceAdmin: 404 }],
  ["POST /api/teams/:teamId/invites", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.invite (revoke). Object = a fresh invite of the actor's team (own: created by the actor; same: by the team's owner) or of W.
  ["DELETE /api/teams/:teamId/invites/:inviteId", "own", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/teams/:teamId/invites/:inviteId", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/teams/:teamId/invites/:inviteId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.viewUsage: owner, admin.
  ["GET /api/teams/:teamId/budgets", "own", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/budgets", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/budgets", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.manageBudgets: owner, admin {scope: TEAM_MONTHLY, limitFen: max}.
  ["PUT /api/teams/:teamId/budgets", "own", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["PUT /api/teams/:teamId/budgets", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["PUT /api/teams/:teamId/budgets", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.manageBudgets: owner, admin {scope: TEAM_MONTHLY}.
  ["DELETE /api/teams/:teamId/budgets", "own", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/teams/:teamId/budgets", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/teams/:teamId/budgets", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.viewUsage: owner, admin.
  ["GET /api/teams/:teamId/usage", "own", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/usage", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/usage", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.viewUsage: owner, admin (CSV).
  ["GET /api/teams/:teamId/usage/export", "own", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/usage/export", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/usage/export", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // team.viewAudit: owner, admin.
  ["GET /api/teams/:teamId/audit", "own", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/audit", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/teams/:teamId/audit", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // An open email invitation addressed to the actor (own: to the actor, from a fresh team; same: to the teammate; other: to W's member). Anyone else's is 404.
  ["POST /api/invites/:inviteId/accept", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/invites/:inviteId/accept", "same", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["POST /api/invites/:inviteId/accept", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // Same objects as accept.
  ["POST /api/invites/:inviteId/decline", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/invites/:inviteId/decline", "same", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["POST /api/invites/:inviteId/decline", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // Any signed-in holder of a valid link token (own: the actor's team, created by the actor; same: by the team's owner; other: W). Not public: anonymous 401.
  ["GET /api/invites/link/:token", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/invites/link/:token", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/invites/link/:token", "other", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Any signed-in holder of a valid token joins; already a member -> 409 already_member (state, not authorization; unavoidable for a link to one's own team). Fresh team copies per cell.
  ["POST /api/invites/link/:token/accept", "own", { anon: 401, viewer: 409, member: 409, admin: 409, owner: 409, otherTeam: 409, instanceAdmin: 200 }],
  ["POST /api/invites/link/:token/accept", "same", { anon: 401, viewer: 409, member: 409, admin: 409, owner: 409, otherTeam: 409, instanceAdmin: 200 }],
  ["POST /api/invites/link/:token/accept", "other", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Any signed-in holder of a valid token (fresh single-use link per cell).
  ["POST /api/invites/link/:token/decline", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/invites/link/:token/decline", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/invites/link/:token/decline", "other", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Signed media URLs (public: the URL is the credential). The actor's page view of the object's clip
  // (GET /api/generations/:id) issues the URL, then the player fetches it with no cookie: the cell is
  // the byte route's answer, or the page view's when it issues nothing — so it must equal the
  // /api/media row above (who may watch), with no database read per request.
  ["GET /api/media/signed/:...key", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/media/signed/:...key", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/media/signed/:...key", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["HEAD /api/media/signed/:...key", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["HEAD /api/media/signed/:...key", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["HEAD /api/media/signed/:...key", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // A signed URL never opens another object: the actor's URL for their OWN clip's video with its path
  // swapped to the object's video (own: to the same clip's poster) is 403 media_url_invalid for every
  // actor who got a URL at all (anon gets none: 401 at the page view).
  ["GET /api/media/signed/:...key (path swapped to the object)", "own", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 403 }],
  ["GET /api/media/signed/:...key (path swapped to the object)", "same", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 403 }],
  ["GET /api/media/signed/:...key (path swapped to the object)", "other", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 403 }],
  // Share pages: the /s/<token> loader for a live link on the object's clip issues URLs for exactly that
  // clip; anyone holding the page gets the bytes (signed-in or not).
  ["GET /api/media/signed/:...key (from a share page)", "own", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/media/signed/:...key (from a share page)", "same", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/media/signed/:...key (from a share page)", "other", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Public: the token is the credential (link on the own / same-team / other-team clip, video.mp4).
  ["GET /api/s/:token/:file", "own", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/s/:token/:file", "same", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/s/:token/:file", "other", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Public: same as GET.
  ["HEAD /api/s/:token/:file", "own", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["HEAD /api/s/:token/:file", "same", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["HEAD /api/s/:token/:file", "other", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Personal workspace list (no object): any signed-in user.
  ["GET /api/generations", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Generate into the personal workspace (no object): any signed-in user.
  ["POST /api/generations", "-", { anon: 401, viewer: 202, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  // Personal workspace SSE (no object).
  ["GET /api/generations/events", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // The actor's own tags (no object).
  ["GET /api/generations/tags", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Switch to the personal workspace (no object).
  ["PUT /api/workspace {teamId: null}", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Budgets left in the personal workspace (no object): any signed-in user.
  ["GET /api/workspace/budget", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Prompt help in the personal workspace (no object): any signed-in user.
  ["POST /api/prompt-help", "-", { anon: 401, viewer: 202, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  // The studio draft and prompt history of the personal workspace (no object): any signed-in user.
  ["GET /api/studio/draft", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["PUT /api/studio/draft", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["DELETE /api/studio/draft", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/studio/prompts", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Upload an image (no object): any signed-in user.
  ["POST /api/uploads", "-", { anon: 401, viewer: 201, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 201 }],
  // Upstream breaker state (no object): any signed-in user.
  ["GET /api/upstream/status", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // The actor's teams (no object).
  ["GET /api/teams", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Create a team (no object): any signed-in user becomes its owner.
  ["POST /api/teams", "-", { anon: 401, viewer: 201, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 201 }],
  // Email invitations addressed to the actor (no object).
  ["GET /api/invites", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Public health check (no object).
  ["GET /api/health", "-", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Public: UI language cookie (no object).
  ["POST /api/locale", "-", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Public sign-up (no object; registration open).
  ["POST /api/account/sign-up", "-", { anon: 201, viewer: 201, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 201 }],
  // Instance admins only (auth admin): everyone else signed in 403 forbidden.
  ["GET /api/admin/settings", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 200 }],
  // Instance admins only {registration: open}.
  ["PUT /api/admin/settings", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 200 }],
  // Instance admins only.
  ["GET /api/admin/budget", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 200 }],
  // Instance admins only {limitFen: max}.
  ["PUT /api/admin/budget", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 200 }],
  // Instance admins only.
  ["DELETE /api/admin/budget", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 200 }],
  // Instance admins only: takes HELD for a decision.
  ["GET /api/admin/held", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 200 }],
  // Instance admins only {action: fail} on a take that does not exist (the admin passes authorization: 404).
  ["POST /api/admin/held/:id", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 404 }],
  // Instance admins only (registration invitation).
  ["POST /api/admin/invites", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 201 }],
  // Unknown /api paths (app/api/[...path]/route.ts): a coded 404 for everyone, before any session or body is read.
  ["GET /api/:...path", "-", { anon: 404, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["POST /api/:...path", "-", { anon: 404, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["PUT /api/:...path", "-", { anon: 404, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["PATCH /api/:...path", "-", { anon: 404, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["DELETE /api/:...path", "-", { anon: 404, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // Instance admins only: the accounts of the instance.
  ["GET /api/admin/users", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 200 }],
  // Instance admins only, on a fresh account (a team's own admins and owners have no say over accounts).
  ["POST /api/admin/users/:userId/disable", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 200 }],
  ["POST /api/admin/users/:userId/enable", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 200 }],
  // Instance admins only, on a fresh account: a one-time password reset link.
  ["POST /api/admin/users/:userId/reset-link", "-", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 201 }],
  // One's own account (no object: a handler acts on the actor only): anyone signed in.
  ["GET /api/account", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["PATCH /api/account", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // {current, next} with the actor's right current password (the probe sets it, then restores the session).
  ["POST /api/account/password", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Ends the actor's sessions (the probe restores the session version afterwards).
  ["POST /api/account/sign-out-everywhere", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // One's own sessions only: listing and "everywhere else" act on the actor's rows.
  ["GET /api/account/sessions", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/account/sign-out-others", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Ending one session: the actor's own only; a teammate's or a stranger's session id is 404 (not told apart from an unknown id), for every role.
  ["DELETE /api/account/sessions/:sessionId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["DELETE /api/account/sessions/:sessionId", "same", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["DELETE /api/account/sessions/:sessionId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // Public: whoever holds a valid reset link (a fresh one per call) sets that account's password.
  ["POST /api/account/reset", "-", { anon: 200, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  // Public: anyone may ask for a reset mail ("Forgot password?"; SMTP configured), the same 202 for every address.
  ["POST /api/account/reset-request", "-", { anon: 202, viewer: 202, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  // Films (film.* rows of lib/shared/team-roles.ts): a personal film (own for the instance admin) is its creator's alone;
  // a team film: every role views and comments, members and up edit shots, make takes and review, admins/owners delete.
  // film.view: the film with its shots.
  ["GET /api/films/:filmId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/films/:filmId", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films/:filmId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit {title}.
  ["PATCH /api/films/:filmId", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["PATCH /api/films/:filmId", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["PATCH /api/films/:filmId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.delete: admins/owners of the team (otherTeam is a MEMBER of U); a personal film its creator.
  ["DELETE /api/films/:filmId", "own", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 200 }],
  ["DELETE /api/films/:filmId", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/films/:filmId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.view: the cut of an empty film (200 with the problem `empty`).
  ["GET /api/films/:filmId/cut", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/films/:filmId/cut", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/cut", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit: add a text shot.
  ["POST /api/films/:filmId/shots", "own", { anon: 401, viewer: 403, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 201 }],
  ["POST /api/films/:filmId/shots", "same", { anon: 401, viewer: 403, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 404 }],
  ["POST /api/films/:filmId/shots", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit: the order of a one-shot film.
  ["PUT /api/films/:filmId/shots/order", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["PUT /api/films/:filmId/shots/order", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["PUT /api/films/:filmId/shots/order", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.view: the film's comments.
  ["GET /api/films/:filmId/comments", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/films/:filmId/comments", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/comments", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.comment: viewers comment too {exportId of a READY export of the film | takeId, timeMs, body}.
  ["POST /api/films/:filmId/comments", "own", { anon: 401, viewer: 201, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 201 }],
  ["POST /api/films/:filmId/comments", "same", { anon: 401, viewer: 201, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 404 }],
  ["POST /api/films/:filmId/comments", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit {caption}.
  ["PATCH /api/shots/:shotId", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["PATCH /api/shots/:shotId", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["PATCH /api/shots/:shotId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit: delete a shot (nothing chained to it).
  ["DELETE /api/shots/:shotId", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["DELETE /api/shots/:shotId", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["DELETE /api/shots/:shotId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit: duplicate a shot.
  ["POST /api/shots/:shotId/duplicate", "own", { anon: 401, viewer: 403, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 201 }],
  ["POST /api/shots/:shotId/duplicate", "same", { anon: 401, viewer: 403, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 404 }],
  ["POST /api/shots/:shotId/duplicate", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit: choose a stored take of the shot.
  ["PUT /api/shots/:shotId/chosen-take", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["PUT /api/shots/:shotId/chosen-take", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["PUT /api/shots/:shotId/chosen-take", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.review {decision: approve} on a shot whose chosen take is stored.
  ["POST /api/shots/:shotId/review", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/shots/:shotId/review", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["POST /api/shots/:shotId/review", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit + clip.generate: one take of a text shot (Idempotency-Key).
  ["POST /api/shots/:shotId/takes", "own", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  ["POST /api/shots/:shotId/takes", "same", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/shots/:shotId/takes", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.view: the shot's stills.
  ["GET /api/shots/:shotId/stills", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/shots/:shotId/stills", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/shots/:shotId/stills", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit + clip.generate {count: 1}: a still is paid for in the film's workspace.
  ["POST /api/shots/:shotId/stills", "own", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  ["POST /api/shots/:shotId/stills", "same", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/shots/:shotId/stills", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit {frame: "start"}: a stored still becomes the shot's first frame (a shot update).
  ["POST /api/shots/:shotId/stills/:stillId/use", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/shots/:shotId/stills/:stillId/use", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["POST /api/shots/:shotId/stills/:stillId/use", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit + clip.generate: speak the shot's caption (Idempotency-Key), paid by the actor in the film's workspace.
  ["POST /api/shots/:shotId/voice", "own", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  ["POST /api/shots/:shotId/voice", "same", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/shots/:shotId/voice", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.view: the shot's voice-over (a stored one).
  ["GET /api/shots/:shotId/voice", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/shots/:shotId/voice", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/shots/:shotId/voice", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit: remove a stored voice-over.
  ["DELETE /api/shots/:shotId/voice", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["DELETE /api/shots/:shotId/voice", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["DELETE /api/shots/:shotId/voice", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.view: the stored voice-over's WAV (GET and HEAD).
  ["GET /api/shots/:shotId/voice/audio", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/shots/:shotId/voice/audio", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/shots/:shotId/voice/audio", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["HEAD /api/shots/:shotId/voice/audio", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["HEAD /api/shots/:shotId/voice/audio", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["HEAD /api/shots/:shotId/voice/audio", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.view / film.edit: the film's voice cast.
  ["GET /api/films/:filmId/voices", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/films/:filmId/voices", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/voices", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["PUT /api/films/:filmId/voices", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["PUT /api/films/:filmId/voices", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["PUT /api/films/:filmId/voices", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit: script → shot list (the breakdown, its estimate, the draft, accept); a viewer may not add shots.
  ["GET /api/films/:filmId/script", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/films/:filmId/script", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/script", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["POST /api/films/:filmId/script", "own", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  ["POST /api/films/:filmId/script", "same", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/films/:filmId/script", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["DELETE /api/films/:filmId/script", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["DELETE /api/films/:filmId/script", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["DELETE /api/films/:filmId/script", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/script/estimate", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/films/:filmId/script/estimate", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/script/estimate", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["PUT /api/films/:filmId/script/draft", "own", { anon: 401, viewer: 403, member: 409, admin: 409, owner: 409, otherTeam: 409, instanceAdmin: 409 }],
  ["PUT /api/films/:filmId/script/draft", "same", { anon: 401, viewer: 403, member: 409, admin: 409, owner: 409, otherTeam: 409, instanceAdmin: 404 }],
  ["PUT /api/films/:filmId/script/draft", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["POST /api/films/:filmId/script/accept", "own", { anon: 401, viewer: 403, member: 409, admin: 409, owner: 409, otherTeam: 409, instanceAdmin: 409 }],
  ["POST /api/films/:filmId/script/accept", "same", { anon: 401, viewer: 403, member: 409, admin: 409, owner: 409, otherTeam: 409, instanceAdmin: 404 }],
  ["POST /api/films/:filmId/script/accept", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["POST /api/films/:filmId/script/retry", "own", { anon: 401, viewer: 403, member: 409, admin: 409, owner: 409, otherTeam: 409, instanceAdmin: 409 }],
  ["POST /api/films/:filmId/script/retry", "same", { anon: 401, viewer: 403, member: 409, admin: 409, owner: 409, otherTeam: 409, instanceAdmin: 404 }],
  ["POST /api/films/:filmId/script/retry", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit: the price of 2 takes.
  ["GET /api/shots/:shotId/takes/estimate", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/shots/:shotId/takes/estimate", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/shots/:shotId/takes/estimate", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit + clip.generate: the estimate of "generate missing shots" (a film with one text shot without a take).
  ["GET /api/films/:filmId/generate-missing", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/films/:filmId/generate-missing", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/generate-missing", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit + clip.generate: the batch {takes: 1, expectTotalFen: 250} (Idempotency-Key), paid by the actor in the film's workspace.
  ["POST /api/films/:filmId/generate-missing", "own", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  ["POST /api/films/:filmId/generate-missing", "same", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/films/:filmId/generate-missing", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit, then canCancel per take (as POST /api/generations/:id/cancel): own = the actor's batch, same = the teammate's (admins/owners only).
  ["POST /api/films/:filmId/generate-missing/:batchId/cancel", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/films/:filmId/generate-missing/:batchId/cancel", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["POST /api/films/:filmId/generate-missing/:batchId/cancel", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // Comments: own = written by the actor (viewers edit and delete their own); same = a teammate's: only admins/owners delete it.
  // The author edits {body}.
  ["PATCH /api/comments/:commentId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["PATCH /api/comments/:commentId", "same", { anon: 401, viewer: 403, member: 403, admin: 403, owner: 403, otherTeam: 403, instanceAdmin: 404 }],
  ["PATCH /api/comments/:commentId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // The author, or film.delete.
  ["DELETE /api/comments/:commentId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["DELETE /api/comments/:commentId", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/comments/:commentId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // Film exports. film.view: the versions of a film, one export, the hand-off zip (a film whose shot has a stored, chosen take).
  ["GET /api/films/:filmId/exports", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/films/:filmId/exports", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/exports", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/exports/events", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/films/:filmId/exports/events", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/exports/events", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/handoff", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/films/:filmId/handoff", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films/:filmId/handoff", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["GET /api/exports/:exportId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/exports/:exportId", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/exports/:exportId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.edit {captions: true}: members and up export (queued; the render is free).
  ["POST /api/films/:filmId/exports", "own", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 202 }],
  ["POST /api/films/:filmId/exports", "same", { anon: 401, viewer: 403, member: 202, admin: 202, owner: 202, otherTeam: 202, instanceAdmin: 404 }],
  ["POST /api/films/:filmId/exports", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // The export's creator (while they may edit the film) or film.delete (admins/owners); QUEUED export for cancel.
  // Objects: own = created by the actor, same = by the teammate, other = by W's owner.
  ["DELETE /api/exports/:exportId", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["DELETE /api/exports/:exportId", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/exports/:exportId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["POST /api/exports/:exportId/cancel", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/exports/:exportId/cancel", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["POST /api/exports/:exportId/cancel", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // Share links of a READY export: the same rule as deleting it (creator while they may edit, or admins/owners) {expiresInHours: 24}.
  ["GET /api/exports/:exportId/share-links", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/exports/:exportId/share-links", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["GET /api/exports/:exportId/share-links", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["POST /api/exports/:exportId/share-links", "own", { anon: 401, viewer: 403, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 201 }],
  ["POST /api/exports/:exportId/share-links", "same", { anon: 401, viewer: 403, member: 403, admin: 201, owner: 201, otherTeam: 403, instanceAdmin: 404 }],
  ["POST /api/exports/:exportId/share-links", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // The reference library: film.edit {name}.
  ["PATCH /api/references/:referenceId", "own", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["PATCH /api/references/:referenceId", "same", { anon: 401, viewer: 403, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["PATCH /api/references/:referenceId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // film.delete (refused 409 reference_in_use while shots of a live film use it).
  ["DELETE /api/references/:referenceId", "own", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 200 }],
  ["DELETE /api/references/:referenceId", "same", { anon: 401, viewer: 403, member: 403, admin: 200, owner: 200, otherTeam: 403, instanceAdmin: 404 }],
  ["DELETE /api/references/:referenceId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // Workspace lists and creation (object = the team; the instance admin is in no team: 404).
  ["GET /api/films?team=:teamId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films?team=:teamId", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/films?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["POST /api/films?team=:teamId", "own", { anon: 401, viewer: 403, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 404 }],
  ["POST /api/films?team=:teamId", "same", { anon: 401, viewer: 403, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 404 }],
  ["POST /api/films?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["GET /api/references?team=:teamId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/references?team=:teamId", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/references?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["POST /api/references?team=:teamId", "own", { anon: 401, viewer: 403, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 404 }],
  ["POST /api/references?team=:teamId", "same", { anon: 401, viewer: 403, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 404 }],
  ["POST /api/references?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  ["GET /api/stills?team=:teamId", "own", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/stills?team=:teamId", "same", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 404 }],
  ["GET /api/stills?team=:teamId", "other", { anon: 401, viewer: 404, member: 404, admin: 404, owner: 404, otherTeam: 404, instanceAdmin: 404 }],
  // Personal workspace (no object).
  ["GET /api/films", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["GET /api/stills", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/films", "-", { anon: 401, viewer: 201, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 201 }],
  ["GET /api/references", "-", { anon: 401, viewer: 200, member: 200, admin: 200, owner: 200, otherTeam: 200, instanceAdmin: 200 }],
  ["POST /api/references", "-", { anon: 401, viewer: 201, member: 201, admin: 201, owner: 201, otherTeam: 201, instanceAdmin: 201 }],
];
