import { aspectOk, UPLOAD_MAX_BYTES, UPLOAD_MIMES } from "@/lib/shared/generation-schemas";

export type ImageMime = (typeof UPLOAD_MIMES)[number];

export type ImageCheck =
  | { ok: true; mime: ImageMime; width: number; height: number }
  | { ok: false; error: "type" | "size" | "corrupt" | "aspect"; width?: number; height?: number };

/** Image type from its first bytes (never from the name or the browser's guess). */
export function sniffImageMime(head: Uint8Array): ImageMime | null {
  const at = (i: number) => head[i] ?? -1;
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47 && at(4) === 0x0d && at(5) === 0x0a && at(6) === 0x1a && at(7) === 0x0a)
    return "image/png";
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return "image/jpeg";
  const ascii = (from: number, to: number) => String.fromCharCode(...head.slice(from, to));
  if (head.length >= 12 && ascii(0, 4) === "RIFF" && ascii(8, 12) === "WEBP") return "image/webp";
  return null;
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
  const head = new Uint8Array(await file.slice(0, 16).arrayBuffer());
  const mime = sniffImageMime(head);
  if (!mime) return { ok: false, error: "type" };
  if (file.size > UPLOAD_MAX_BYTES) return { ok: false, error: "size" };
  const d = await dimensions(file);
  if (!d || d.width <= 0 || d.height <= 0) return { ok: false, error: "corrupt" };
  if (!aspectOk(d.width, d.height)) return { ok: false, error: "aspect", ...d };
  return { ok: true, mime, ...d };
}
