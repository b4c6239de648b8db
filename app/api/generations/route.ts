import { galleryQuerySchema, workspaceQuerySchema } from "@/lib/shared/gallery-filters";
import { submitGenerationSchema } from "@/lib/shared/generation-schemas";
import { db } from "@/lib/server/db";
import { workspaceOf } from "@/lib/server/gallery/gallery-where";
import { createTakes } from "@/lib/server/generations/create-takes";
import { generationViewFor } from "@/lib/server/generations/find-generation";
import { idempotencyKeyOf } from "@/lib/server/generations/idempotency-key";
import { listGenerations } from "@/lib/server/gallery/list-generations";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { span } from "@/lib/server/spans";

export const runtime = "nodejs";

// POST /api/generations[?team=<id>] (Idempotency-Key) {…, takes?: 1..4, confirmRepeat?} -> 202 {id, status, generation, takes, stopped}
// 402 budget_* names the budget that would be exceeded; 403 team_role_forbidden for viewers;
// 409 repeat_submission: the same submission under another key moments ago (send confirmRepeat: true).
export const POST = route({ auth: "user", body: submitGenerationSchema, query: workspaceQuerySchema }, async ({ req, access, body, query, ip }) => {
  const key = idempotencyKeyOf(req);
  const { confirmRepeat, takes, ...input } = body;
  const repeatGuard = { confirmed: confirmRepeat === true };
  const made = await span("create", () => createTakes(db(), access, key, input, takes, { workspace: workspaceOf(query), ip, repeatGuard }));
  const views = await span("view", () => Promise.all(made.ids.map((id) => generationViewFor(db(), access, id))));
  const generation = views[0]!;
  return json({ id: generation.id, status: generation.status, generation, takes: views, stopped: made.stopped }, { status: 202 });
});

// GET /api/generations?limit&cursor&mode&status&q&from&to&favourite&tag&creator&sort&scope&team -> {items, nextCursor}
export const GET = route({ auth: "user", query: galleryQuerySchema }, ({ access, query }) => listGenerations(db(), access, query));
