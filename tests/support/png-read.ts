import zlib from "node:zlib";

// Reads back the PNGs the simulator writes (8-bit RGB, filter 0 on every row, iTXt text): enough for
// tests to check a still's size, its pixels and its text chunks.

export interface DecodedPng {
  width: number;
  height: number;
  rgb: Buffer;
  text: Record<string, string>;
}

export function readPng(buf: Buffer): DecodedPng {
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error("not a PNG");
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  const text: Record<string, string> = {};
  while (offset < buf.length) {
    const len = buf.readUInt32BE(offset);
    const type = buf.toString("latin1", offset + 4, offset + 8);
    const data = buf.subarray(offset + 8, offset + 8 + len);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    } else if (type === "IDAT") idat.push(data);
    else if (type === "iTXt") {
      const nul = data.indexOf(0);
      text[data.toString("latin1", 0, nul)] = data.subarray(nul + 5).toString("utf8");
    }
    offset += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const rgb = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    if (raw[y * (stride + 1)] !== 0) throw new Error("only filter 0 is read");
    raw.copy(rgb, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  }
  return { width, height, rgb, text };
}
