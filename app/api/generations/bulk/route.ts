import { bulkSchema } from "@/lib/shared/gallery-filters";
import { db } from "@/lib/server/db";
import { bulkAction } from "@/lib/server/gallery/bulk-action";
import { route } from "@/lib/server/http/route";
import { storage } from "@/lib/server/storage/instance";

export const runtime = "nodejs";

// POST /api/generations/bulk {action: "delete"|"tag"|"favourite", ids, tags?, favourite?}
//   -> {action, done: string[], skipped: string[], missing: number}
export const POST = route({ auth: "user", body: bulkSchema }, ({ access, body }) => bulkAction(db(), storage(), access, body));
