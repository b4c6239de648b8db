import { z } from "zod";
import { clearSessionCookie } from "@/lib/server/auth/session-cookie";
import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { revokeSession } from "@/lib/server/users/account-sessions";
import { idSchema } from "@/lib/shared/ids";

// DELETE /api/account/sessions/:sessionId -> {ok: true}: signs that device out (its next request is
// signed out, its live streams end). Only the person's own sessions: any other id is 404 not_found.
// Naming this device's own session signs it out too (its cookie is cleared). Audited.
export const DELETE = route({ auth: "user", params: z.object({ sessionId: idSchema }) }, async ({ actor, params, ip }) => {
  const { current } = await revokeSession(db(), actor, params.sessionId, ip);
  const res = json({ ok: true });
  if (current) res.headers.append("Set-Cookie", clearSessionCookie());
  return res;
});
