import { z } from "zod";
import { createInstanceInvite } from "@/lib/server/auth/instance-invites";
import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

// POST /api/admin/invites {email?} -> 201 {token, expiresAt}: a registration invitation (invite-only mode).
export const POST = route(
  { auth: "admin", body: z.object({ email: z.email({ error: "errors.field.email" }).optional() }) },
  async ({ body, actor }) => json(await createInstanceInvite(db(), actor.id, body.email), { status: 201 }),
);
