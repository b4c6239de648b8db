import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { deleteExport, getExport } from "@/lib/server/film-export/exports";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ exportId: idSchema });

// GET /api/exports/:exportId -> {export}
export const GET = route({ auth: "user", params }, async ({ access, params }) => ({ export: await getExport(db(), access, params.exportId) }));

// DELETE /api/exports/:exportId -> {ok: true} (its creator, or an admin/owner): soft delete + objects removed
export const DELETE = route({ auth: "user", params }, async ({ access, params, ip }) => {
  await deleteExport(db(), access, params.exportId, ip);
  return { ok: true };
});
