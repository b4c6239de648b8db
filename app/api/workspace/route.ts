import { z } from "zod";
import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { chooseWorkspace } from "@/lib/server/workspace/current-workspace";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const body = z.object({ teamId: idSchema.nullable() }).strict();

// PUT /api/workspace {teamId|null} -> {teamId}; remembers the studio/gallery workspace on the account
// (every device of the account opens it). A team the actor is not in is 404 (and the choice is
// re-checked against the memberships on every read anyway).
export const PUT = route({ auth: "user", body }, async ({ access, body }) => {
  await chooseWorkspace(db(), access, body.teamId);
  return json({ teamId: body.teamId });
});
