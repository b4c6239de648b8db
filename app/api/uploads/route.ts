import { db } from "@/lib/server/db";
import { json } from "@/lib/server/http/respond";
import { route } from "@/lib/server/http/route";
import { storage } from "@/lib/server/storage/instance";
import { createUpload } from "@/lib/server/uploads/create-upload";
import { readMultipartFile } from "@/lib/server/http/read-multipart-file";

export const runtime = "nodejs";

// POST /api/uploads (multipart field "file") -> 201 {id, width, height, mime, bytes, url}
export const POST = route({ auth: "user" }, async ({ req, access }) => {
  const bytes = await readMultipartFile(req);
  return json(await createUpload(db(), storage(), access, bytes), { status: 201 });
});
