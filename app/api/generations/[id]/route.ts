import { z } from "zod";
import { patchGenerationSchema } from "@/lib/shared/gallery-filters";
import { db } from "@/lib/server/db";
import { annotateGeneration, galleryViewFor } from "@/lib/server/gallery/annotate-generations";
import { deleteGeneration } from "@/lib/server/gallery/delete-generations";
import { route } from "@/lib/server/http/route";
import { storage } from "@/lib/server/storage/instance";
import { idSchema } from "@/lib/shared/ids";

export const runtime = "nodejs";

const params = z.object({ id: idSchema });

// GET /api/generations/:id -> GenerationView with favourite/tags/creator (404 if not visible)
export const GET = route({ auth: "user", params }, ({ access, params }) => galleryViewFor(db(), access, params.id));

// PATCH /api/generations/:id {favourite?, tags?: {add?, remove?}} -> GenerationView
export const PATCH = route({ auth: "user", params, body: patchGenerationSchema }, ({ access, params, body }) =>
  annotateGeneration(db(), access, params.id, body),
);

// DELETE /api/generations/:id -> {ok: true}; media removed from storage, row soft-deleted, ledger kept
export const DELETE = route({ auth: "user", params }, async ({ access, params }) => {
  await deleteGeneration(db(), storage(), access, params.id);
  return { ok: true };
});
