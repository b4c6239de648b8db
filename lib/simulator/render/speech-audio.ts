import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ProcessError, runProcess } from "@/lib/media-tools/run-process";
import { SPEECH_SAMPLE_RATE, type SpeechVoice } from "@/lib/shared/upstream/speech-models";
import { applyGain, readWav, resample } from "./wav";

// The simulator's GLM-TTS: real speech from Debian's espeak-ng (Mandarin for text with CJK
// characters, English otherwise; each platform voice mapped to an espeak voice variant), resampled
// to the platform's 24 kHz and scaled by `volume`. Where espeak-ng is not installed, a syllable-paced
// tone of the same plausible length stands in, so every test still gets audio of the right duration.

export interface SpeechInput {
  input: string;
  voice: SpeechVoice;
  speed: number;
  volume: number;
}

export interface SpeechAudio {
  /** Mono 16-bit samples at SPEECH_SAMPLE_RATE. */
  samples: Int16Array;
  engine: "espeak-ng" | "tone";
}

const VARIANTS: Record<SpeechVoice, string> = {
  tongtong: "f3",
  chuichui: "m3",
  xiaochen: "m1",
  jam: "f2",
  kazi: "m2",
  douji: "f4",
  luodo: "m4",
};
/** espeak-ng's default rate, words per minute, at speed 1. */
const ESPEAK_WPM = 175;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;

/** Binaries found missing once; not tried again in this process. */
const missing = new Set<string>();

async function espeak(bin: string, s: SpeechInput): Promise<Int16Array> {
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), "sim-tts-"));
  try {
    const textFile = path.join(dir, "input.txt");
    const wavFile = path.join(dir, "out.wav");
    await fs.promises.writeFile(textFile, s.input, "utf8");
    const lang = CJK.test(s.input) ? "cmn" : "en";
    const wpm = String(Math.round(ESPEAK_WPM * s.speed));
    await runProcess(bin, ["-v", `${lang}+${VARIANTS[s.voice]}`, "-s", wpm, "-b", "1", "-f", textFile, "-w", wavFile], { timeoutMs: 60_000 });
    const wav = readWav(await fs.promises.readFile(wavFile));
    return resample(wav.samples, wav.sampleRate, SPEECH_SAMPLE_RATE);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

/** Seconds a reader needs for `text` at speed 1: about 4.5 CJK characters or 14 other letters a second, pauses at punctuation. */
function plausibleSeconds(text: string): number {
  let seconds = 0;
  for (const ch of text) {
    if (CJK.test(ch)) seconds += 0.22;
    else if (/[\p{L}\p{N}]/u.test(ch)) seconds += 0.07;
    else if (/[.,;:!?。，；：！？、]/u.test(ch)) seconds += 0.25;
    else seconds += 0.05;
  }
  return Math.max(0.3, seconds);
}

function tone(s: SpeechInput): Int16Array {
  const rate = SPEECH_SAMPLE_RATE;
  const out = new Int16Array(Math.round((plausibleSeconds(s.input) / s.speed) * rate));
  const syllable = 0.22 / s.speed;
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    const envelope = Math.sin(Math.PI * ((t % syllable) / syllable)) ** 2;
    out[i] = Math.round(9000 * envelope * Math.sin(2 * Math.PI * (190 + 30 * Math.sin(t * 3)) * t));
  }
  return out;
}

export async function synthesizeSpeech(s: SpeechInput, espeakBin: string): Promise<SpeechAudio> {
  if (!missing.has(espeakBin)) {
    try {
      return { samples: applyGain(await espeak(espeakBin, s), s.volume), engine: "espeak-ng" };
    } catch (e) {
      if (!(e instanceof ProcessError && e.failure === "spawn")) throw e;
      missing.add(espeakBin);
      console.error(`[simulator] ${espeakBin} is not available: speech falls back to a tone of plausible length`);
    }
  }
  return { samples: applyGain(tone(s), s.volume), engine: "tone" };
}
