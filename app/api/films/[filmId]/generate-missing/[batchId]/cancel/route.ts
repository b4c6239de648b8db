import { z } from "zod";
import { idSchema } from "@/lib/shared/ids";
import { db } from "@/lib/server/db";
import { cancelBatch } from "@/lib/server/films/cancel-batch";
import { route } from "@/lib/server/http/route";

export const runtime = "nodejs";

const params = z.object({ filmId: idSchema, batchId: z.string().regex(/^[0-9a-f]{24}$/, { error: "errors.field.invalid" }) });

// POST /api/films/:filmId/generate-missing/:batchId/cancel -> {batchId, cancelled, continuing, refundedFen}
// Cancels (and refunds) every take of the batch not yet sent upstream; started ones continue.
export const POST = route({ auth: "user", params }, ({ access, params, ip }) => cancelBatch(db(), access, params.filmId, params.batchId, ip));
