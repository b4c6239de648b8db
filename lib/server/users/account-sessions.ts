import "server-only";
import type { SessionView } from "@/lib/shared/account-views";
import { deviceLabelOf } from "@/lib/shared/device-label";
import type { Actor } from "../auth/session";
import { listUserSessions, revokeUserSession, revokeUserSessions } from "../auth/user-sessions";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { AppError } from "../errors";
import { recordAudit } from "../audit/record-audit";

// The account page's list of active sessions (a row per signed-in browser, auth/user-sessions.ts) and
// ending them. Every function acts on the actor's own rows: a session id of another account is
// answered exactly like an unknown one (404), so ids cannot be probed. A revoked session fails on its
// next request, and its live streams end on their next tick (sessionIsLive).

export async function listSessions(client: Db, actor: Actor): Promise<{ sessions: SessionView[] }> {
  const rows = await listUserSessions(client, actor.id);
  return {
    sessions: rows.map((r) => ({
      id: r.id,
      current: r.id === actor.sessionId,
      ...deviceLabelOf(r.userAgent),
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
    })),
  };
}

/** Ends one of the actor's sessions (this device's too, when it is the one named). Audited. */
export async function revokeSession(client: Db, actor: Actor, sessionId: string, ip: string): Promise<{ current: boolean }> {
  await writeTransaction(client, async (tx) => {
    if (!(await revokeUserSession(tx, actor.id, sessionId))) throw new AppError("not_found");
    await recordAudit(tx, { teamId: null, actorId: actor.id, action: "account.session_revoke", targetType: "session", targetId: sessionId, ip });
  });
  return { current: sessionId === actor.sessionId };
}

/** Ends every session of the actor except this device's. Audited (with how many ended). */
export async function signOutOthers(client: Db, actor: Actor, ip: string): Promise<{ revoked: number }> {
  return writeTransaction(client, async (tx) => {
    const revoked = await revokeUserSessions(tx, actor.id, actor.sessionId);
    await recordAudit(tx, { teamId: null, actorId: actor.id, action: "account.sign_out_others", targetType: "user", targetId: actor.id, data: { revoked }, ip });
    return { revoked };
  });
}
