// The role table: one row per action, listing the team roles that may do it. The server authorizes
// with it (every "may this member …?" goes through lib/server/permissions, and the authorization
// matrix test checks every route against it); the team UI reads the same rows to decide which
// controls to show, so what is offered and what is allowed cannot drift apart. Pure data, no server
// code: client components import it.

export const TEAM_ROLES = ["OWNER", "ADMIN", "MEMBER", "VIEWER"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

const ALL = TEAM_ROLES;
const MEMBERS_UP = ["OWNER", "ADMIN", "MEMBER"] as const;
const ADMINS_UP = ["OWNER", "ADMIN"] as const;
const OWNER = ["OWNER"] as const;

const ROLE_TABLE = {
  // Clips
  "clip.view": ALL,
  "clip.download": ALL,
  "clip.generate": MEMBERS_UP,
  "clip.annotate": MEMBERS_UP, // tags and favourites
  "clip.shareOwn": MEMBERS_UP,
  "clip.deleteOwn": MEMBERS_UP,
  "clip.manageAny": ADMINS_UP, // delete, share, cancel any team clip
  // Films (storyboards): viewers watch and comment, members edit shots, make takes and review,
  // admins and owners delete films, references and anyone's comments.
  "film.view": ALL,
  "film.comment": ALL,
  "film.edit": MEMBERS_UP,
  "film.review": MEMBERS_UP,
  "film.delete": ADMINS_UP,
  // Team
  "team.view": ALL,
  "team.leave": ["ADMIN", "MEMBER", "VIEWER"], // the owner transfers ownership first
  "team.rename": ADMINS_UP,
  "team.invite": ADMINS_UP,
  "team.manageMembers": ADMINS_UP, // change roles below OWNER, remove non-owners
  "team.manageBudgets": ADMINS_UP,
  "team.viewUsage": ADMINS_UP,
  "team.viewAudit": ADMINS_UP,
  "team.transfer": OWNER,
  "team.delete": OWNER,
} as const satisfies Record<string, readonly TeamRole[]>;

export type TeamAction = keyof typeof ROLE_TABLE;

export function roleAllows(role: TeamRole, action: TeamAction): boolean {
  return (ROLE_TABLE[action] as readonly TeamRole[]).includes(role);
}

/** Rank for "may manage someone of this role": higher manages strictly lower (owner manages all). */
export const ROLE_RANK: Record<TeamRole, number> = { OWNER: 3, ADMIN: 2, MEMBER: 1, VIEWER: 0 };
