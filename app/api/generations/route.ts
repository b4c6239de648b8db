import { galleryQuerySchema, workspaceQuerySchema } from "@/lib/shared/gallery-filters";
import { submitGenerationSchema } from "@/lib/shared/generation-schemas";
import { db } from "@/lib/server/db";
import { workspaceOf } from "@/lib/server/gallery/gallery-where";
import { createGeneration } from "@/lib/server/generations/create-generation";
import { generationViewFor } from "@/lib/server/generations/find-generation";
import { idempotencyKeyOf } from "@/lib/server/generations/idempotency-key";
import { listGenerations } from "@/lib/server/gallery/list-generations";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { span } from "@/lib/server/spans";

export const runtime = "nodejs";

// POST /api/generations[?team=<id>] (Idempotency-Key) -> 202 {id, status, generation}
// 402 budget_* names the budget that would be exceeded; 403 team_role_forbidden for viewers;
// 409 repeat_submission: the same submission under another key moments ago (send confirmRepeat: true).
export const POST = route({ auth: "user", body: submitGenerationSchema, query: workspaceQuerySchema }, async ({ req, access, body, query, ip }) => {
  const key = idempotencyKeyOf(req);
  const { confirmRepeat, ...input } = body;
  const repeatGuard = { confirmed: confirmRepeat === true };
  const { id } = await span("create", () => createGeneration(db(), access, key, input, { workspace: workspaceOf(query), ip, repeatGuard }));
  const generation = await span("view", () => generationViewFor(db(), access, id));
  return json({ id, status: generation.status, generation }, { status: 202 });
});

// GET /api/generations?limit&cursor&mode&status&q&from&to&favourite&tag&creator&sort&scope&team -> {items, nextCursor}
export const GET = route({ auth: "user", query: galleryQuerySchema }, ({ access, query }) => listGenerations(db(), access, query));
