import { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { appCookie } from "@/lib/server/http/app-cookie";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { can } from "@/lib/server/permissions";
import { WORKSPACE_COOKIE } from "@/lib/server/workspace/current-workspace";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const body = z.object({ teamId: idSchema.nullable() }).strict();

// PUT /api/workspace {teamId|null} -> {teamId}; remembers the studio/gallery workspace of this browser.
// A team the actor is not in is 404 (and the cookie is re-checked on every read anyway).
export const PUT = route({ auth: "user", body }, async ({ access, body }) => {
  if (body.teamId !== null && !can(access, body.teamId, "clip.view")) throw new AppError("not_found");
  const res = json({ teamId: body.teamId });
  res.headers.append("set-cookie", appCookie(WORKSPACE_COOKIE, body.teamId ?? "personal", { httpOnly: true }));
  return res;
});
