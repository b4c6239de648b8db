import "server-only";
import { open } from "node:fs/promises";

// Reads the top-level box (atom) layout of an MP4 without loading it. "Faststart" means the moov
// index precedes the media data, so a browser can start playing (and seek) before the whole file arrives.

export interface Mp4Atom {
  type: string;
  offset: number;
  size: number;
}

const MAX_ATOMS = 1000;

export async function readTopLevelAtoms(path: string): Promise<Mp4Atom[]> {
  const file = await open(path, "r");
  try {
    const { size: fileSize } = await file.stat();
    const atoms: Mp4Atom[] = [];
    const header = Buffer.alloc(16);
    let offset = 0;
    while (offset + 8 <= fileSize && atoms.length < MAX_ATOMS) {
      const { bytesRead } = await file.read(header, 0, 16, offset);
      if (bytesRead < 8) break;
      let size = header.readUInt32BE(0);
      const type = header.toString("latin1", 4, 8);
      if (size === 1) {
        if (bytesRead < 16) break;
        size = Number(header.readBigUInt64BE(8)); // 64-bit "largesize"
      } else if (size === 0) {
        size = fileSize - offset; // box extends to the end of the file
      }
      if (size < 8) break; // corrupt: stop rather than loop forever
      atoms.push({ type, offset, size });
      offset += size;
    }
    return atoms;
  } finally {
    await file.close();
  }
}

/** True when `moov` comes before the first `mdat`. */
export async function isFaststart(path: string): Promise<boolean> {
  const types = (await readTopLevelAtoms(path)).map((a) => a.type);
  const moov = types.indexOf("moov");
  const mdat = types.indexOf("mdat");
  return moov !== -1 && mdat !== -1 && moov < mdat;
}
