import { db } from "@/lib/server/db";
import { exportResponse } from "@/lib/server/gallery/export-zip";
import { readExportIds } from "@/lib/server/http/read-export-ids";
import { route } from "@/lib/server/http/route";
import { storage } from "@/lib/server/storage/instance";

export const runtime = "nodejs";

// POST /api/generations/export {ids} (JSON, or a same-origin form post with `ids` fields so the
// browser streams the download to disk) -> application/zip, streamed; 404 when none is exportable.
export const POST = route({ auth: "user" }, async ({ req, access }) => exportResponse(db(), storage(), access, await readExportIds(req)));
