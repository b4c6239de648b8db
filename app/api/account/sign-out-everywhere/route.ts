import { clearSessionCookie } from "@/lib/server/auth/session-cookie";
import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { signOutEverywhere } from "@/lib/server/users/account";

// POST /api/account/sign-out-everywhere -> {ok: true}: every session of the account ends, this
// device's too (its cookie is cleared; it signs in again). Audited.
export const POST = route({ auth: "user" }, async ({ actor, ip }) => {
  await signOutEverywhere(db(), actor, ip);
  const res = json({ ok: true });
  res.headers.append("Set-Cookie", clearSessionCookie());
  return res;
});
