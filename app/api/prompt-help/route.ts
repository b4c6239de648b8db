import { promptHelpSchema } from "@/lib/shared/prompt-help";
import { workspaceQuerySchema } from "@/lib/shared/gallery-filters";
import { db } from "@/lib/server/db";
import { workspaceOf } from "@/lib/server/gallery/gallery-where";
import { idempotencyKeyOf } from "@/lib/server/generations/idempotency-key";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { requestPromptHelp } from "@/lib/server/prompt-help/prompt-help";

export const runtime = "nodejs";

// POST /api/prompt-help[?team=<id>] (Idempotency-Key) {action: expand|translate|rewrite, text, target?: en|zh}
// -> 200 {id, status: "done", suggestion, heldFen, costFen} | 202 {id, status: "pending", heldFen}
// 402 budget_* (nothing sent); 403 team_role_forbidden for viewers; 422 validation_failed (empty, over
// 2,000 characters) / ai_unsafe_content; 502 ai_call_failed / ai_call_unconfirmed / ai_answer_invalid.
export const POST = route({ auth: "user", body: promptHelpSchema, query: workspaceQuerySchema }, async ({ req, access, body, query }) => {
  const view = await requestPromptHelp(db(), access, idempotencyKeyOf(req), body, { workspace: workspaceOf(query) });
  return json(view, { status: view.status === "done" ? 200 : 202 });
});
