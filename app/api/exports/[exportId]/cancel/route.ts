import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { cancelExport } from "@/lib/server/film-export/exports";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ exportId: idSchema });

// POST /api/exports/:exportId/cancel -> {export} CANCELLED (its creator, or an admin/owner); 409 export_not_cancellable once ended
export const POST = route({ auth: "user", params }, async ({ access, params, ip }) => ({ export: await cancelExport(db(), access, params.exportId, ip) }));
