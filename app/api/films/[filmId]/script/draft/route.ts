import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { DRAFT_BODY_MAX_BYTES, saveBreakdownDraftSchema } from "@/lib/shared/script-breakdown";
import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { saveBreakdownDraft } from "@/lib/server/script-breakdown/script-breakdown";

export const runtime = "nodejs";

// PUT /api/films/:filmId/script/draft {callId, version, shots: [{scene, prompt, mode, characters, line, seconds}]}
//   -> 200 {version}; 409 draft_conflict (saved elsewhere since, or another breakdown replaced it); 422 validation_failed.
export const PUT = route({ auth: "user", params: z.object({ filmId: idSchema }), body: saveBreakdownDraftSchema, maxBodyBytes: DRAFT_BODY_MAX_BYTES }, async ({ access, params, body }) =>
  json(await saveBreakdownDraft(db(), access, params.filmId, body)),
);
