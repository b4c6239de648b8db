import type { Db } from "@/lib/server/db";
import { type Access, accessOf } from "@/lib/server/permissions";

/** What route() hands a handler, for tests that call a service directly: a plain user's Access with
 *  their team roles read from `client` now (build it after the memberships the test needs exist). */
export function userAccess(client: Db, user: { id: string; email: string }): Promise<Access> {
  return accessOf(client, { id: user.id, email: user.email, name: null, role: "USER", locale: null, sessionVersion: 0, sessionId: "no-session" });
}
