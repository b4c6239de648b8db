import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { DRAFT_BODY_MAX_BYTES, saveBreakdownDraftSchema } from "@/lib/shared/script-breakdown";
import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { acceptShotList } from "@/lib/server/script-breakdown/accept-shot-list";

export const runtime = "nodejs";

// POST /api/films/:filmId/script/accept {callId, version, shots} -> 201 {film, added}: every shot is
// added at the end of the film and the draft is consumed, in one transaction (all or nothing).
//   403 team_role_forbidden (viewers); 409 draft_conflict (stale version, already accepted); 422 validation_failed.
export const POST = route({ auth: "user", params: z.object({ filmId: idSchema }), body: saveBreakdownDraftSchema, maxBodyBytes: DRAFT_BODY_MAX_BYTES }, async ({ access, params, body, ip }) =>
  json(await acceptShotList(db(), access, params.filmId, body, ip), { status: 201 }),
);
