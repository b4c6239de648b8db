import { z } from "zod";
import { updateReferenceSchema } from "@/lib/shared/film/film-schemas";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { deleteReference, updateReference } from "@/lib/server/films/references";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ referenceId: idSchema });

// PATCH /api/references/:referenceId {name?, uploadId?} -> {reference}
export const PATCH = route({ auth: "user", params, body: updateReferenceSchema }, async ({ access, params, body, ip }) => ({ reference: await updateReference(db(), access, params.referenceId, body, ip) }));

// DELETE /api/references/:referenceId -> {ok: true} (admins/owners of a team; a personal one its creator)
export const DELETE = route({ auth: "user", params }, async ({ access, params, ip }) => {
  await deleteReference(db(), access, params.referenceId, ip);
  return { ok: true };
});
