import "server-only";
import { UPLOAD_MAX_BYTES } from "@/lib/shared/generation-schemas";
import { AppError } from "../errors";

// Reads the `file` field of a multipart upload with a hard byte cap (RELIABILITY IN-2): the declared
// Content-Length only lets us fail early; the bytes are counted while streaming, so a lying or absent
// header (chunked) cannot make us buffer more than the cap. Only then is the multipart body parsed.

/** Multipart framing (boundaries, part headers) allowed on top of the image itself. */
const MULTIPART_OVERHEAD = 64 * 1024;
export const UPLOAD_BODY_CAP = UPLOAD_MAX_BYTES + MULTIPART_OVERHEAD;

async function readCapped(req: Request, cap: number): Promise<Buffer> {
  if (!req.body) throw new AppError("upload_missing");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("upload_too_large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export async function readMultipartFile(req: Request, field = "file"): Promise<Buffer> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) throw new AppError("upload_missing");
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > UPLOAD_BODY_CAP) throw new AppError("upload_too_large");

  const body = await readCapped(req, UPLOAD_BODY_CAP);
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
