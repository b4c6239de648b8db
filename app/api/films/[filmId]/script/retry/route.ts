import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { retryBreakdown } from "@/lib/server/script-breakdown/script-breakdown";

export const runtime = "nodejs";

// POST /api/films/:filmId/script/retry: re-asks only the parts of the caller's breakdown that failed
// or answered nothing readable, held as one request (their keys derive from the failed calls', so a
// repeat replays instead of paying again).
//   -> 200 {status: "done", …} | 202 {status: "pending", parts, answered, …} (as GET …/script)
//   402 budget_* (nothing sent); 403 team_role_forbidden (viewers); 404 film; 409 not_retryable (no
//   failed part, or parts still running); 502 script_part_failed (failed again).
export const POST = route({ auth: "user", params: z.object({ filmId: idSchema }) }, async ({ access, params }) => {
  const view = await retryBreakdown(db(), access, params.filmId);
  return json(view, { status: view.status === "pending" ? 202 : 200 });
});
