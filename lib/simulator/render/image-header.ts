import { sniffImageType, type ImageType } from "@/lib/shared/image-type";
import { InvalidImageError } from "./render-errors";

// Reads format and pixel size from the first bytes of PNG, JPEG and WebP files without decoding
// them (no sharp in the simulator). The request validator uses it to check the contract's image rules;
// the renderer uses it to pick the output aspect and to reject obvious garbage cheaply, and a real
// decode by ffmpeg (check-image-decodes.ts) catches the rest.

export interface ImageHeader {
  format: ImageType;
  width: number;
  height: number;
}

/** What the header says, before the renderer's own limits are applied. */
export interface ImageHeaderScan extends ImageHeader {
  /** An animated WebP (VP8X animation flag). */
  animated: boolean;
}

/** Refuse decompression bombs; far above any frame the upstream accepts. */
const MAX_IMAGE_SIDE = 16_384;
const MAX_IMAGE_PIXELS = 80_000_000;

/**
 * Format, pixel size and the animation flag as stated by the header. Throws InvalidImageError
 * ("unknown-format" or "truncated") when they cannot be read; applies no limits.
 */
export function scanImageHeader(bytes: Buffer, imageIndex = 0): ImageHeaderScan {
  const fail = (reason: ConstructorParameters<typeof InvalidImageError>[0], detail: string): never => {
    throw new InvalidImageError(reason, imageIndex, detail);
  };
  const type = sniffImageType(bytes);
  if (type === null) return fail("unknown-format", "not a PNG, JPEG or WebP file");
  const scan = type === "webp" ? readWebp(bytes, fail) : stillImage(type === "png" ? readPng(bytes, fail) : readJpeg(bytes, fail));
  return scan ?? fail("truncated", "no size found in the image header");
}

/** The header of an image the renderer can use: a still frame of sane dimensions. */
export function readImageHeader(bytes: Buffer, imageIndex = 0): ImageHeader {
  const { animated, ...header } = scanImageHeader(bytes, imageIndex);
  // ffmpeg 5.1 cannot decode animated WebP; a clip from "frame 1 of an animation" would be a lie anyway.
  if (animated) throw new InvalidImageError("animated", imageIndex, "animated WebP is not a still frame");
  const { width, height } = header;
  if (width < 1 || height < 1 || width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    const detail = `${width}x${height} is outside 1..${MAX_IMAGE_SIDE} per side / ${MAX_IMAGE_PIXELS} pixels`;
    throw new InvalidImageError("bad-dimensions", imageIndex, detail);
  }
  return header;
}

const stillImage = (header: ImageHeader | null): ImageHeaderScan | null => header && { ...header, animated: false };

type Fail = (reason: ConstructorParameters<typeof InvalidImageError>[0], detail: string) => never;

function readPng(b: Buffer, fail: Fail): ImageHeader | null {
  // The first chunk must be IHDR: length(4) "IHDR"(4) width(4) height(4).
  if (b.length < 24) return null;
  if (b.toString("latin1", 12, 16) !== "IHDR") return fail("truncated", "PNG without IHDR");
  return { format: "png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function readJpeg(b: Buffer, fail: Fail): ImageHeader | null {
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return fail("truncated", `JPEG marker expected at byte ${i}`);
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // Standalone markers carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / start of scan before any SOF
    const length = b.readUInt16BE(i + 2);
    if (length < 2) return fail("truncated", "JPEG segment with invalid length");
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      if (i + 9 > b.length) return null;
      return { format: "jpeg", height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}

function readWebp(b: Buffer, fail: Fail): ImageHeaderScan | null {
  if (b.length < 30) return null;
  const chunk = b.toString("latin1", 12, 16);
  const data = 20;
  if (chunk === "VP8 ") {
    // Lossy: 3-byte frame tag, start code 9d 01 2a, then 14-bit width and height.
    if (b[data + 3] !== 0x9d || b[data + 4] !== 0x01 || b[data + 5] !== 0x2a) return fail("truncated", "WebP VP8 start code missing");
    return { format: "webp", width: b.readUInt16LE(data + 6) & 0x3fff, height: b.readUInt16LE(data + 8) & 0x3fff, animated: false };
  }
  if (chunk === "VP8L") {
    if (b[data] !== 0x2f) return fail("truncated", "WebP VP8L signature missing");
    const bits = b.readUInt32LE(data + 1);
    return { format: "webp", width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1, animated: false };
  }
  if (chunk === "VP8X") {
    const animated = ((b[data] ?? 0) & 0x02) !== 0;
    const width = (b.readUIntLE(data + 4, 3) & 0xffffff) + 1;
    const height = (b.readUIntLE(data + 7, 3) & 0xffffff) + 1;
    return { format: "webp", width, height, animated };
  }
  return fail("unknown-format", `unknown WebP chunk ${JSON.stringify(chunk)}`);
}
