import { z } from "zod";
import { db } from "@/lib/server/db";
import { publicOrigin } from "@/lib/server/http/public-origin";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { createResetLink } from "@/lib/server/users/password-reset";
import { idSchema } from "@/lib/shared/ids";

// POST /api/admin/users/:userId/reset-link -> 201 {url, expiresAt}: a one-time password reset link
// for the user, valid 24 hours, shown once (instance admins only; audited).
export const POST = route({ auth: "admin", params: z.object({ userId: idSchema }) }, async ({ req, actor, params, ip }) => {
  const { token, expiresAt } = await createResetLink(db(), actor, params.userId, ip);
  return json({ url: `${publicOrigin(req)}/reset/${token}`, expiresAt: expiresAt.toISOString() }, { status: 201 });
});
