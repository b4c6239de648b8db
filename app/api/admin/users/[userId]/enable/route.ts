import { z } from "zod";
import { db } from "@/lib/server/db";
import { route } from "@/lib/server/http/route";
import { setUserDisabled } from "@/lib/server/users/manage-users";
import { idSchema } from "@/lib/shared/ids";

// POST /api/admin/users/:userId/enable -> the user row (instance admins only; audited).
export const POST = route({ auth: "admin", params: z.object({ userId: idSchema }) }, async ({ actor, params, ip }) =>
  setUserDisabled(db(), actor, params.userId, false, ip),
);
