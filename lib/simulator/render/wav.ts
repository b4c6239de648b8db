import { wavLayout } from "@/lib/shared/wav-layout";

// 16-bit PCM WAV in and out, and the small sample operations the simulated speech needs. Samples are
// mono Int16Array throughout.

export function encodeWav(samples: Int16Array, sampleRate: number): Buffer {
  const data = pcmBytes(samples);
  const head = Buffer.alloc(44);
  head.write("RIFF", 0, "latin1");
  head.writeUInt32LE(36 + data.length, 4);
  head.write("WAVEfmt ", 8, "latin1");
  head.writeUInt32LE(16, 16); // fmt chunk size
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(sampleRate, 24);
  head.writeUInt32LE(sampleRate * 2, 28); // byte rate
  head.writeUInt16LE(2, 32); // block align
  head.writeUInt16LE(16, 34); // bits per sample
  head.write("data", 36, "latin1");
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

/** Little-endian bytes of the samples (the platform's `pcm` format). */
export function pcmBytes(samples: Int16Array): Buffer {
  const out = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) out.writeInt16LE(samples[i] ?? 0, i * 2);
  return out;
}

export interface WavInfo {
  sampleRate: number;
  /** First channel only. */
  samples: Int16Array;
}

/** The first channel of a 16-bit PCM WAV. */
export function readWav(buf: Buffer): WavInfo {
  const layout = wavLayout(buf);
  if (!layout) throw new Error("not a WAV file");
  if (layout.bitsPerSample !== 16) throw new Error("only 16-bit PCM WAV is read");
  const frameBytes = 2 * layout.channels;
  const samples = new Int16Array(Math.floor(layout.dataBytes / frameBytes));
  for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(layout.dataOffset + i * frameBytes);
  return { sampleRate: layout.sampleRate, samples };
}

/** Linear-interpolation resampling (good enough for a simulator's speech). */
export function resample(samples: Int16Array, from: number, to: number): Int16Array {
  if (from === to || samples.length === 0) return samples;
  const out = new Int16Array(Math.max(1, Math.round((samples.length * to) / from)));
  const step = from / to;
  for (let i = 0; i < out.length; i++) {
    const pos = i * step;
    const j = Math.floor(pos);
    const a = samples[j] ?? 0;
    const b = samples[Math.min(j + 1, samples.length - 1)] ?? a;
    out[i] = Math.round(a + (b - a) * (pos - j));
  }
  return out;
}

/** Multiplies every sample by `gain`, clipping to the 16-bit range. */
export function applyGain(samples: Int16Array, gain: number): Int16Array {
  if (gain === 1) return samples;
  return samples.map((s) => Math.max(-32768, Math.min(32767, Math.round(s * gain))));
}
