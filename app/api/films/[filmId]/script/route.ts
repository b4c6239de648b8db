import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { breakdownRequestSchema } from "@/lib/shared/script-breakdown";
import { db } from "@/lib/server/db";
import { idempotencyKeyOf } from "@/lib/server/generations/idempotency-key";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { discardBreakdown, getBreakdown, requestBreakdown } from "@/lib/server/script-breakdown/script-breakdown";

export const runtime = "nodejs";

const params = z.object({ filmId: idSchema });
/** 20,000 characters, escaped as \uXXXX at worst, with room. */
const SCRIPT_BODY_MAX_BYTES = 256 * 1024;

// POST /api/films/:filmId/script (Idempotency-Key) {text ≤ 20,000 characters}: asks the text model for a
// shot list, one call per part of the script (all parts held as one request).
//   -> 200 {status: "done", callId, shots, repairs, version, heldFen, costFen, parts, answered, edited}
//      | 202 {status: "pending", callId, heldFen, version, parts, answered}
//   402 budget_* (nothing sent); 403 team_role_forbidden (viewers); 404 film; 422 validation_failed
//   (script_empty / script_too_long) / ai_unsafe_content; 502 ai_call_failed / ai_call_unconfirmed /
//   ai_answer_invalid (one part), script_part_failed (names the failed parts; POST …/retry re-asks them).
export const POST = route({ auth: "user", params, body: breakdownRequestSchema, maxBodyBytes: SCRIPT_BODY_MAX_BYTES }, async ({ req, access, params, body }) => {
  const view = await requestBreakdown(db(), access, params.filmId, idempotencyKeyOf(req), body.text);
  return json(view, { status: view.status === "pending" ? 202 : 200 });
});

// GET /api/films/:filmId/script -> the actor's draft for this film: {status: "none"} | the POST's answers.
export const GET = route({ auth: "user", params }, async ({ access, params }) => {
  const view = await getBreakdown(db(), access, params.filmId);
  return json(view, { status: view.status === "pending" ? 202 : 200 });
});

// DELETE /api/films/:filmId/script -> 200 {status: "none"}: the draft is dropped (its call stays paid).
export const DELETE = route({ auth: "user", params }, async ({ access, params }) => json(await discardBreakdown(db(), access, params.filmId)));
