// Team and invitation limits, shared by the server schemas and the team UI (pure constants, no
// server code: client components import this file).

export const TEAM_NAME_MAX = 80;
/** Roles an invitation or a role change may give; OWNER only ever comes from a transfer. */
export const ASSIGNABLE_ROLES = ["ADMIN", "MEMBER", "VIEWER"] as const;

export const INVITE_TTL_MIN_HOURS = 1;
export const INVITE_TTL_MAX_HOURS = 30 * 24;
export const INVITE_TTL_DEFAULT_HOURS = 7 * 24;
export const INVITE_MAX_USES_MAX = 100;
