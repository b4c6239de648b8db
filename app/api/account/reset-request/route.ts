import { db } from "@/lib/server/db";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { requestPasswordReset } from "@/lib/server/users/request-reset";
import { resetRequestSchema } from "@/lib/shared/account-schemas";

// POST /api/account/reset-request {email} -> 202: "if an account has this email, a reset link is on its
// way". The same answer, at once, for every address (the lookup and the mail come after it). 404
// reset_mail_off without SMTP_URL; 429 rate_limited per address and per email. Public; audited
// (user.reset_requested, user.reset_mail).
export const POST = route({ auth: "public", body: resetRequestSchema, maxBodyBytes: 2 * 1024 }, async ({ req, body, ip, locale }) => {
  requestPasswordReset(db(), { email: body.email, ip, locale, origin: publicOrigin(req) });
  return json({ ok: true }, { status: 202 });
});
