import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { sniffImageType } from "@/lib/shared/image-type";
import type { UploadView } from "@/lib/shared/upload-view";
import type { Db } from "../db";
import { AppError } from "../errors";
import { mediaUrlsFor } from "../media-access/media-urls";
import type { Access } from "../permissions";
import type { Storage } from "../storage";
import { uploadKey } from "../storage/keys";
import { normalizeImage } from "./normalize-image";
import { reserveUpload } from "./upload-quota";

// POST /api/uploads: magic bytes → decode/check/re-encode → reserve the bytes against the user's
// quota (the row, STORING: ./upload-quota.ts) → store under a generated key → READY. A STORING row is
// never served nor accepted as a take's input. If the object cannot be stored the row is removed; a
// crash in between leaves a STORING row that the collector (./collect-uploads.ts) deletes with its
// object after the grace period. READY is conditional on STORING: should the collector have taken
// the row meanwhile, this request removes the object it wrote and fails, so no READY row ever
// points at a missing object.

/** 32 lowercase hex chars: matches the studio schema's upload id pattern and storage key rules. */
function newUploadId(): string {
  return randomBytes(16).toString("hex");
}

export async function createUpload(client: Db, store: Storage, access: Access, bytes: Buffer): Promise<UploadView> {
  const kind = sniffImageType(bytes);
  if (!kind) throw new AppError("upload_unsupported_type");
  const image = await normalizeImage(bytes, kind);
  const id = newUploadId();
  const key = uploadKey(id, image.ext);
  const sha256 = createHash("sha256").update(image.data).digest("hex");
  const size = image.data.byteLength;
  await reserveUpload(client, { id, ownerId: access.actor.id, storageKey: key, mime: image.mime, width: image.width, height: image.height, bytes: size, sha256 });
  try {
    await store.put(key, image.data, { contentType: image.mime });
  } catch (err) {
    await client.upload.deleteMany({ where: { id, status: "STORING" } }).catch(() => undefined);
    throw err;
  }
  const ready = await client.upload.updateMany({ where: { id, status: "STORING" }, data: { status: "READY" } });
  if (ready.count !== 1) {
    await store.delete(key).catch(() => undefined);
    throw new AppError("upload_deleting");
  }
  return { id, width: image.width, height: image.height, mime: image.mime, bytes: size, url: (await mediaUrlsFor(store, { userId: access.actor.id })).url({ key, contentType: image.mime }) };
}
