import { createReferenceSchema } from "@/lib/shared/film/film-schemas";
import { workspaceQuerySchema } from "@/lib/shared/gallery-filters";
import { db } from "@/lib/server/db";
import { createReference, listReferences } from "@/lib/server/films/references";
import { workspaceOf } from "@/lib/server/gallery/gallery-where";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

// GET /api/references[?team=<id>] -> {items: ReferenceView[]} (the workspace's characters and products)
export const GET = route({ auth: "user", query: workspaceQuerySchema }, ({ access, query }) => listReferences(db(), access, workspaceOf(query)));

// POST /api/references[?team=<id>] {kind, name, uploadId} -> 201 {reference}
export const POST = route({ auth: "user", query: workspaceQuerySchema, body: createReferenceSchema }, async ({ access, query, body, ip }) =>
  json({ reference: await createReference(db(), access, workspaceOf(query), body, ip) }, { status: 201 }),
);
