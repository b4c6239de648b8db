// Teams, members, invites, workspaces and the audit log. Merged into en.ts; teams.zh-CN.ts has the same keys.
export const teamsEn = {
  "errors.team_role_forbidden": "Your role in this team does not allow that.",
  "errors.team_invite_invalid": "This team invitation is invalid, expired, revoked or used up.",
  "errors.already_member": "You are already a member of this team.",
  "errors.owner_must_transfer": "The owner must transfer ownership before leaving the team.",
  "errors.member_rank": "You can only manage members with a lower role than yours.",
  "errors.not_movable": "Only your own personal clip can be moved into a team.",
  "teams.nav.label": "Team",
  "teams.nav.members": "Members",
  "teams.nav.usage": "Usage",
  "teams.nav.audit": "Audit log",
  "teams.role.OWNER": "Owner",
  "teams.role.ADMIN": "Admin",
  "teams.role.MEMBER": "Member",
  "teams.role.VIEWER": "Viewer",
} as const;
