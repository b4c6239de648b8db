import "server-only";
import { UPLOAD_MAX_BYTES } from "@/lib/shared/generation-schemas";
import { AppError } from "../errors";
import { readBodyCapped } from "../http/read-body";

// Reads the `file` field of a multipart upload with a hard byte cap: the body is
// read through readBodyCapped (counted while streaming), and only then parsed as multipart.

/** Multipart framing (boundaries, part headers) allowed on top of the image itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
const UPLOAD_BODY_CAP = UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD;

export async function readMultipartFile(req: Request, field = "file"): Promise<Buffer> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw new AppError("upload_missing");
  const body = await readBodyCapped(req, UPLOAD_BODY_CAP, { missing: "upload_missing", tooLarge: "upload_too_large" });
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
  } catch {
    throw new AppError("upload_missing");
  }
  const file = form.get(field);
  if (file === null || typeof file === "string") throw new AppError("upload_missing");
  if (file.size === 0) throw new AppError("upload_missing");
  if (file.size > UPLOAD_MAX_BYTES) throw new AppError("upload_too_large");
  return Buffer.from(await file.arrayBuffer());
}
