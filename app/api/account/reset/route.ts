import { passwordResetSchema } from "@/lib/shared/account-schemas";
import { withHashBudget } from "@/lib/server/auth/hash-gate";
import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { resetPassword } from "@/lib/server/users/password-reset";

// POST /api/account/reset {token, password} -> {email}: sets a new password through an admin's
// one-time reset link and ends every session of the account. 410 reset_link_invalid when the link is
// unknown, used or expired. Public (the person cannot sign in); hashes, so through the hash gate. Audited.
export const POST = route({ auth: "public", body: passwordResetSchema, maxBodyBytes: 4 * 1024 }, async ({ body, ip }) =>
  withHashBudget(ip, () => resetPassword(db(), body.token, body.password, ip)),
);
