import "server-only";
import type { Metadata, Sharp } from "sharp";
import { loadSharp } from "@/lib/server/media/load-sharp";
import { aspectOk, UPLOAD_MAX_BYTES } from "@/lib/shared/generation-schemas";
import type { ImageType } from "@/lib/shared/image-type";
import { AppError } from "../errors";

// Decode → check → re-encode (polyglots and pixel bombs: tests/fixtures/uploads/corpus.ts). Only the re-encoded bytes are ever stored:
// metadata (EXIF, XMP, ICC, comments — and anything a polyglot hid there) is dropped, the EXIF
// orientation is applied to the pixels, the first frame of an animation is kept. The output must
// stay under 10 MB because it travels to the upstream as a base64 data URI whose decoded size the
// Vidu gateway limits (docs/upstream.md §2).

/** Pixel-bomb guard: a 16383² single-colour PNG is ~600 KB but decodes to ~1 GB. */
const MAX_INPUT_PIXELS = 40_000_000;
/** Largest stored image (decoded data-URI payload), with a margin under 10 MB. */
const MAX_OUTPUT_BYTES = UPLOAD_MAX_BYTES - 64 * 1024;
const FALLBACK_EDGE = 4096;
const DECODE_SLOTS = 2; // decode concurrency ≤ 2: bounds peak memory under parallel uploads

export interface NormalizedImage {
  data: Buffer;
  kind: ImageType;
  mime: `image/${ImageType}`;
  ext: "png" | "jpg" | "webp";
  width: number;
  height: number;
}

let active = 0;
const waiting: (() => void)[] = [];

async function withDecodeSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (active >= DECODE_SLOTS) await new Promise<void>((resolve) => waiting.push(resolve));
  active++;
  try {
    return await fn();
  } finally {
    active--;
    waiting.shift()?.();
  }
}

const OPEN = { limitInputPixels: MAX_INPUT_PIXELS, failOn: "warning", autoOrient: true, pages: 1 } as const;

async function pipeline(input: Buffer): Promise<Sharp> {
  const sharp = await loadSharp();
  return sharp(input, OPEN).timeout({ seconds: 15 });
}

async function encode(input: Buffer, kind: ImageType, maxEdge?: number) {
  let p = await pipeline(input);
  if (maxEdge) p = p.resize({ width: maxEdge, height: maxEdge, fit: "inside", withoutEnlargement: true });
  if (kind === "png") p = p.png({ compressionLevel: 9, adaptiveFiltering: true });
  else if (kind === "webp") p = p.webp({ quality: 90, alphaQuality: 100 });
  else p = p.flatten({ background: "#ffffff" }).jpeg({ quality: maxEdge ? 85 : 90, chromaSubsampling: "4:4:4" });
  return p.toBuffer({ resolveWithObject: true });
}

function corrupt(err: unknown): AppError {
  return new AppError("upload_corrupt", { cause: err });
}

export async function normalizeImage(input: Buffer, kind: ImageType): Promise<NormalizedImage> {
  return withDecodeSlot(async () => {
    const sharp = await loadSharp();
    let meta: Metadata;
    try {
      // Header only (no pixels decoded), so the pixel cap is checked by us below with a specific error;
      // the decode itself still runs under limitInputPixels.
      meta = await sharp(input, { ...OPEN, limitInputPixels: false }).metadata();
    } catch (err) {
      throw corrupt(err);
    }
    // The decoder must agree with the magic bytes (a polyglot that sniffs as PNG but is not one).
    if (meta.format !== kind) throw new AppError("upload_unsupported_type");
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    if (!width || !height) throw new AppError("upload_corrupt");
    if (width * height > MAX_INPUT_PIXELS) throw new AppError("image_too_many_pixels");
    if (!aspectOk(width, height)) throw new AppError("image_aspect");

    // Preferred: keep the format. Too big → JPEG; still too big → JPEG at most 4096 px on the long edge.
    const attempts: [ImageType, number | undefined][] = [[kind, undefined], ["jpeg", undefined], ["jpeg", FALLBACK_EDGE]];
    for (const [outKind, maxEdge] of attempts) {
      let out: Awaited<ReturnType<typeof encode>>;
      try {
        out = await encode(input, outKind, maxEdge);
      } catch (err) {
        throw corrupt(err); // header said fine, pixels did not decode (truncated, bad data)
      }
      if (out.data.byteLength <= MAX_OUTPUT_BYTES) {
        return {
          data: out.data,
          kind: outKind,
          mime: `image/${outKind}`,
          ext: outKind === "jpeg" ? "jpg" : outKind,
          width: out.info.width,
          height: out.info.height,
        } as const;
      }
    }
    throw new AppError("upload_too_large");
  });
}
