import { passwordChangeSchema } from "@/lib/shared/account-schemas";
import { withHashBudget } from "@/lib/server/auth/hash-gate";
import { sessionSetCookie } from "@/lib/server/auth/session-cookie";
import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { changePassword } from "@/lib/server/users/account";
import { takePasswordChangeToken } from "@/lib/server/users/password-change-limit";

// POST /api/account/password {current, next} -> {ok: true} and a new session cookie for this device.
// Every other session of the account ends (the session version moves on); 422 wrong_password (field
// "current"); 429 after 5 attempts per account (then one a minute) or at the hash gate. Audited.
export const POST = route({ auth: "user", body: passwordChangeSchema, maxBodyBytes: 4 * 1024 }, async ({ actor, body, ip }) => {
  takePasswordChangeToken(actor.id);
  const { sessionVersion } = await withHashBudget(ip, () => changePassword(db(), actor, body, ip));
  const res = json({ ok: true });
  res.headers.append("Set-Cookie", await sessionSetCookie(actor, sessionVersion));
  return res;
});
