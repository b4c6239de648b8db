import { crc32, deflateSync } from "node:zlib";

// The documentation's example bodies point at https://example.com/… which cannot be fetched. Tests
// give the simulator a fetcher (exampleImageFetcher) that stands in a generated gradient PNG for
// reserved example domains (RFC 2606) and fails every other host like an unreachable one; the
// colours derive from the URL so a start/end pair differs visibly.

const RESERVED = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$/i;

/** An ImageFetcher (lib/simulator/fetch-image.ts) for the documentation's example URLs. */
export async function exampleImageFetcher(url: string): Promise<Buffer> {
  const { hostname } = new URL(url);
  if (!RESERVED.test(hostname)) throw new Error(`getaddrinfo ENOTFOUND ${hostname}`);
  return placeholderPng(url);
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([len, body, crc]);
}

/** An RGB PNG with a diagonal two-colour gradient seeded by `seed`. */
export function placeholderPng(seed: string, width = 960, height = 540): Buffer {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  const a = [h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff];
  const b = [255 - (a[0] ?? 0), 255 - (a[1] ?? 0), (a[2] ?? 0) ^ 0x80];
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      for (let c = 0; c < 3; c++) {
        raw[row + 1 + x * 3 + c] = Math.round((a[c] ?? 0) * (1 - t) + (b[c] ?? 0) * t);
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 1 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
