import type { ImageType } from "@/lib/shared/image-type";
import { type ImageHeaderScan, scanImageHeader } from "./render/image-header";
import { InvalidImageError } from "./render/render-errors";

// What request validation needs to know about an image: its type and pixel size, read from the header
// by the renderer's reader but without the renderer's limits (animation, dimensions), which are
// judged when the clip is rendered.

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

/** Type and pixel size of a PNG, JPEG or WebP whose header can be read; undefined otherwise. */
export function probeImage(buf: Buffer): ImageInfo | undefined {
  let scan: ImageHeaderScan;
  try {
    scan = scanImageHeader(buf);
  } catch (err) {
    if (err instanceof InvalidImageError) return undefined;
    throw err;
  }
  if (scan.width <= 0 || scan.height <= 0) return undefined;
  return { type: scan.format, width: scan.width, height: scan.height };
}

/** Declared data-URI subtype → the type its bytes must have (jpg and jpeg are the same format). */
export function declaredType(subtype: string): ImageType | undefined {
  if (subtype === "png") return "png";
  if (subtype === "jpeg" || subtype === "jpg") return "jpeg";
  if (subtype === "webp") return "webp";
  return undefined;
}
