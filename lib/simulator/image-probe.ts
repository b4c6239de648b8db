import { sniffImageType, type ImageType } from "@/lib/shared/image-type";

// Reads just enough of a PNG / JPEG / WebP header to know its type and pixel size, so the simulator
// can enforce the contract's image rules without an image library.

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

function pngSize(buf: Buffer): [number, number] | undefined {
  if (buf.length < 24 || buf.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

function jpegSize(buf: Buffer): [number, number] | undefined {
  let i = 2;
  while (i + 9 < buf.length) {
    if (buf[i] !== 0xff) return undefined;
    const marker = buf[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    const len = buf.readUInt16BE(i + 2);
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return [buf.readUInt16BE(i + 7), buf.readUInt16BE(i + 5)];
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end / start of scan before any SOF
    i += 2 + len;
  }
  return undefined;
}

function webpSize(buf: Buffer): [number, number] | undefined {
  if (buf.length < 30) return undefined;
  const chunk = buf.toString("latin1", 12, 16);
  if (chunk === "VP8 ") {
    // Keyframe start code 9d 01 2a, then 14-bit width/height.
    if (buf[23] !== 0x9d || buf[24] !== 0x01 || buf[25] !== 0x2a) return undefined;
    return [buf.readUInt16LE(26) & 0x3fff, buf.readUInt16LE(28) & 0x3fff];
  }
  if (chunk === "VP8L") {
    if (buf[20] !== 0x2f) return undefined;
    const bits = buf.readUInt32LE(21);
    return [(bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1];
  }
  if (chunk === "VP8X") {
    return [buf.readUIntLE(24, 3) + 1, buf.readUIntLE(27, 3) + 1];
  }
  return undefined;
}

export function probeImage(buf: Buffer): ImageInfo | undefined {
  const type = sniffImageType(buf);
  if (!type) return undefined;
  const size = type === "png" ? pngSize(buf) : type === "jpeg" ? jpegSize(buf) : webpSize(buf);
  if (!size || size[0] <= 0 || size[1] <= 0) return undefined;
  return { type, width: size[0], height: size[1] };
}

/** Declared data-URI subtype → the type its bytes must have (jpg and jpeg are the same format). */
export function declaredType(subtype: string): ImageType | undefined {
  if (subtype === "png") return "png";
  if (subtype === "jpeg" || subtype === "jpg") return "jpeg";
  if (subtype === "webp") return "webp";
  return undefined;
}
