// Which of the three image types we accept a file is, from its magic bytes only: a declared
// Content-Type, data-URI subtype or file name is never trusted. SVG, GIF, HEIC, TIFF, BMP and
// everything else are refused.
//
// Hand-written rather than `sharp().metadata()` or the `file-type` package because it runs in the
// browser on the first 12 bytes of a picked file, before the body is read (sharp is Node-only and
// decodes the whole input), and the simulator uses it without an image library. `file-type` would
// recognise hundreds of formats from a larger sample only for us to map them back to these three,
// which it tells apart by the same signatures. On the server, sharp's decoder is the second opinion:
// an upload whose decoded format disagrees with these bytes is refused there.

export type ImageType = "png" | "jpeg" | "webp";

/** How many leading bytes sniffImageType needs (RIFF <size:4> WEBP is the longest signature). */
export const IMAGE_SNIFF_BYTES = 12;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]; // \x89 P N G \r \n \x1a \n
const JPEG = [0xff, 0xd8, 0xff]; // SOI followed by the next marker's 0xff
const RIFF = [0x52, 0x49, 0x46, 0x46]; // "RIFF"
const WEBP = [0x57, 0x45, 0x42, 0x50]; // "WEBP" after the 4-byte RIFF size

function hasAt(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (hasAt(bytes, PNG)) return "png";
  if (hasAt(bytes, JPEG)) return "jpeg";
  if (hasAt(bytes, RIFF) && hasAt(bytes, WEBP, 8)) return "webp";
  return null;
}
