import { apiFetch } from "@/lib/client/api";
import type { CreatedLinkInvite, InviteView, TeamSummary } from "@/lib/shared/team-views";

// The team UI's calls to the HTTP API (docs/api.md, "Teams"). Errors surface as ApiError.

const enc = encodeURIComponent;

/** Makes `teamId` the account's workspace. After joining or creating a team the studio and gallery open
 *  in it; a failure here leaves the previous workspace (the team itself is made), so it is not an error. */
export const switchToTeam = (teamId: string) => apiFetch<{ teamId: string }>("/api/workspace", { method: "PUT", json: { teamId } }).catch(() => undefined);

export const createTeam = (name: string) => apiFetch<TeamSummary>("/api/teams", { method: "POST", json: { name } });

export const renameTeam = (teamId: string, name: string) =>
  apiFetch<{ id: string; name: string }>(`/api/teams/${enc(teamId)}`, { method: "PATCH", json: { name } });

export const deleteTeam = (teamId: string) => apiFetch<{ ok: true }>(`/api/teams/${enc(teamId)}`, { method: "DELETE" });

export const setMemberRole = (teamId: string, userId: string, role: string) =>
  apiFetch<{ userId: string; role: string }>(`/api/teams/${enc(teamId)}/members/${enc(userId)}`, { method: "PATCH", json: { role } });

/** Removes a member; with one's own id this is "leave". */
export const removeMember = (teamId: string, userId: string) =>
  apiFetch<{ ok: true }>(`/api/teams/${enc(teamId)}/members/${enc(userId)}`, { method: "DELETE" });

export const transferOwnership = (teamId: string, userId: string) =>
  apiFetch<{ ok: true }>(`/api/teams/${enc(teamId)}/transfer`, { method: "POST", json: { userId } });

export const createLinkInvite = (teamId: string, body: { role: string; expiresInHours: number; maxUses: number }) =>
  apiFetch<CreatedLinkInvite>(`/api/teams/${enc(teamId)}/invites`, { method: "POST", json: { kind: "link", ...body } });

export const createEmailInvite = (teamId: string, body: { email: string; role: string; expiresInHours: number }) =>
  apiFetch<{ invite: InviteView }>(`/api/teams/${enc(teamId)}/invites`, { method: "POST", json: { kind: "email", ...body } });

export const revokeInvite = (teamId: string, inviteId: string) =>
  apiFetch<{ ok: true }>(`/api/teams/${enc(teamId)}/invites/${enc(inviteId)}`, { method: "DELETE" });

export const acceptEmailInvite = (inviteId: string) =>
  apiFetch<{ teamId: string; role: string }>(`/api/invites/${enc(inviteId)}/accept`, { method: "POST" });

export const declineEmailInvite = (inviteId: string) => apiFetch<{ ok: true }>(`/api/invites/${enc(inviteId)}/decline`, { method: "POST" });

export const acceptLinkInvite = (token: string) =>
  apiFetch<{ teamId: string; role: string }>(`/api/invites/link/${enc(token)}/accept`, { method: "POST" });

export const declineLinkInvite = (token: string) => apiFetch<{ ok: true }>(`/api/invites/link/${enc(token)}/decline`, { method: "POST" });
