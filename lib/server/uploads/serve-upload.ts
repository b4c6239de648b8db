import "server-only";
import type { Db } from "../db";
import { AppError } from "../errors";
import { MEDIA_CSP } from "@/lib/server/media/media-csp";
import { serveRange } from "../media/serve-range";
import { type Access, canViewUpload, visibleGenerationsWhere } from "../permissions";
import type { Storage } from "../storage";

// GET /api/uploads/:id: the stored (re-encoded) image, to its owner only; anyone else gets 404.
export async function serveUpload(client: Db, store: Storage, access: Access, req: Request, id: string): Promise<Response> {
  const upload = await client.upload.findUnique({ where: { id } });
  // Only a READY upload has its object for sure (STORING: being written; DELETING: being removed).
  if (!upload || upload.status !== "READY") throw new AppError("not_found");
  // Besides its uploader, whoever can see a clip made from the image may see it (team clip details).
  const viaClip =
    !canViewUpload(access, upload) &&
    (await client.generationInput.count({ where: { uploadId: id, generation: visibleGenerationsWhere(access) } })) > 0;
  if (!canViewUpload(access, upload) && !viaClip) throw new AppError("not_found");
  const res = await serveRange(req, {
    storage: store,
    key: upload.storageKey,
    contentType: upload.mime,
    cacheControl: "private, max-age=3600",
    etag: `"${upload.sha256}"`,
  });
  res.headers.set("content-security-policy", MEDIA_CSP);
  return res;
}
