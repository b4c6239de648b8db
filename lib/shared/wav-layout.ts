// Where the format and the samples sit in a RIFF/WAVE file. Isomorphic (bytes only): the studio's
// speech client checks the platform's answer with it and the simulator reads espeak-ng's output.

export interface WavLayout {
  channels: number;
  sampleRate: number;
  byteRate: number;
  bitsPerSample: number;
  /** Offset of the first sample byte. */
  dataOffset: number;
  /** Sample bytes present (a declared size past the end of the file counts to the end). */
  dataBytes: number;
}

const ascii = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));

/** Walks the chunks; undefined when `bytes` is not a WAV with a format chunk before its data chunk. */
export function wavLayout(bytes: Uint8Array): WavLayout | undefined {
  if (bytes.length < 12 || ascii(bytes, 0) !== "RIFF" || ascii(bytes, 8) !== "WAVE") return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let fmt: Omit<WavLayout, "dataOffset" | "dataBytes"> | undefined;
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = ascii(bytes, offset);
    const size = view.getUint32(offset + 4, true);
    if (id === "fmt " && offset + 24 <= bytes.length) {
      fmt = {
        channels: view.getUint16(offset + 10, true),
        sampleRate: view.getUint32(offset + 12, true),
        byteRate: view.getUint32(offset + 16, true),
        bitsPerSample: view.getUint16(offset + 22, true),
      };
    } else if (id === "data") {
      if (!fmt || fmt.byteRate === 0) return undefined;
      return { ...fmt, dataOffset: offset + 8, dataBytes: Math.min(size, bytes.length - offset - 8) };
    }
    offset += 8 + size + (size % 2);
  }
  return undefined;
}

export function wavSeconds(layout: WavLayout): number {
  return layout.dataBytes / layout.byteRate;
}
