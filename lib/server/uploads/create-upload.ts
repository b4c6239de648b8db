import "server-only";
import { randomBytes } from "node:crypto";
import { sniffImageType } from "@/lib/shared/image-type";
import type { UploadView } from "@/lib/shared/upload-view";
import type { Db } from "../db";
import { AppError } from "../errors";
import type { Access } from "../permissions";
import type { Storage } from "../storage";
import { uploadKey } from "../storage/keys";
import { normalizeImage } from "./normalize-image";

// POST /api/uploads: magic bytes → decode/check/re-encode → store under a generated key → Upload row.
// The object is written first and the row second; if the row fails the object is removed, so no row
// ever points at a missing object.

function uploadUrl(id: string): string {
  return `/api/uploads/${encodeURIComponent(id)}`;
}

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
  const put = await store.put(key, image.data, { contentType: image.mime });
  try {
    await client.upload.create({
      data: {
        id,
        ownerId: access.actor.id,
        storageKey: key,
        mime: image.mime,
        width: image.width,
        height: image.height,
        bytes: put.bytes,
        sha256: put.sha256,
      },
    });
  } catch (err) {
    await store.delete(key).catch(() => undefined);
    throw err;
  }
  return { id, width: image.width, height: image.height, mime: image.mime, bytes: put.bytes, url: uploadUrl(id) };
}
