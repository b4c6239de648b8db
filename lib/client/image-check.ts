import { aspectOk, UPLOAD_MAX_BYTES, UPLOAD_MIMES } from "@/lib/shared/generation-schemas";
import { IMAGE_SNIFF_BYTES, sniffImageType } from "@/lib/shared/image-type";

type ImageMime = (typeof UPLOAD_MIMES)[number];

export type ImageCheck =
  | { ok: true; mime: ImageMime; width: number; height: number }
  | { ok: false; error: "type" | "size" | "corrupt" | "aspect"; width?: number; height?: number };

/** Image type from its first bytes (never from the name or the browser's guess). */
function sniffImageMime(head: Uint8Array): ImageMime | null {
  const type = sniffImageType(head);
  return type === null ? null : `image/${type}`;
}

async function dimensions(file: Blob): Promise<{ width: number; height: number } | null> {
  if (typeof createImageBitmap === "function") {
    try {
      const bmp = await createImageBitmap(file);
      const d = { width: bmp.width, height: bmp.height };
      bmp.close();
      return d;
    } catch {
      return null;
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The client half of the upload checks (the server repeats them): type, size, decodable, aspect. */
export async function checkImageFile(file: Blob): Promise<ImageCheck> {
  const head = new Uint8Array(await file.slice(0, IMAGE_SNIFF_BYTES).arrayBuffer());
  const mime = sniffImageMime(head);
  if (!mime) return { ok: false, error: "type" };
  if (file.size > UPLOAD_MAX_BYTES) return { ok: false, error: "size" };
  const d = await dimensions(file);
  if (!d || d.width <= 0 || d.height <= 0) return { ok: false, error: "corrupt" };
  if (!aspectOk(d.width, d.height)) return { ok: false, error: "aspect", ...d };
  return { ok: true, mime, ...d };
}
