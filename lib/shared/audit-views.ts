// The audit log as the API and the audit page show it: the actions that exist (the page's filter
// offers them all) and the shape of one event and one page of events.

export const AUDIT_ACTIONS = [
  "clip.generate",
  "clip.delete",
  "clip.move",
  "clip.held_resolve",
  "share.create",
  "share.revoke",
  "team.create",
  "team.rename",
  "team.delete",
  "invite.create",
  "invite.revoke",
  "invite.decline",
  "member.join",
  "member.leave",
  "member.remove",
  "member.role",
  "team.transfer",
  "budget.set",
  "budget.clear",
  "film.create",
  "film.update",
  "film.delete",
  "shot.add",
  "shot.update",
  "shot.delete",
  "shot.reorder",
  "shot.choose_take",
  "shot.make_takes",
  "shot.make_stills",
  "film.generate_missing",
  "film.cancel_batch",
  "shot.approve",
  "shot.send_back",
  "comment.create",
  "comment.update",
  "comment.delete",
  "reference.create",
  "reference.update",
  "reference.delete",
  "export.create",
  "export.cancel",
  "export.delete",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Instance-level events (no team; not on a team's audit page): an instance admin disabling or enabling an account. */
export type InstanceAuditAction =
  | "user.disable"
  | "user.enable"
  | "user.reset_link"
  | "user.password_reset"
  | "user.reset_requested"
  | "user.reset_mail"
  | "account.password_change"
  | "account.sign_out_everywhere"
  | "account.sign_out_others"
  | "account.session_revoke";

export interface AuditEventView {
  id: string;
  action: AuditAction | string;
  actor: { id: string; name: string | null; email: string } | null;
  targetType: string | null;
  targetId: string | null;
  /** Name or email of the user a member/budget event is about, when known. */
  targetUser: { id: string; name: string | null; email: string } | null;
  data: unknown;
  createdAt: string;
}

export interface AuditPage {
  events: AuditEventView[];
  nextCursor: string | null;
}
