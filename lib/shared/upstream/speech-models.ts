// GLM-TTS speech synthesis as docs/upstream.md ("Speech (GLM-TTS)") describes it. Isomorphic: the
// studio's client and the simulator read the same limits.

export const DEFAULT_SPEECH_MODEL = "glm-tts";
export const SPEECH_MODELS = ["glm-tts"] as const;

/** The platform's system voices; "tongtong" is the default. Cloned voices are not supported here. */
export const SPEECH_VOICES = ["tongtong", "chuichui", "xiaochen", "jam", "kazi", "douji", "luodo"] as const;
export type SpeechVoice = (typeof SPEECH_VOICES)[number];
export const DEFAULT_SPEECH_VOICE: SpeechVoice = "tongtong";

/** `input` holds at most 1024 characters, counted as code points. */
export const SPEECH_INPUT_MAX_CHARS = 1024;
/** speed ∈ [0.5, 2], default 1. */
export const SPEECH_SPEED_MIN = 0.5;
export const SPEECH_SPEED_MAX = 2;
/** volume ∈ (0, 10], default 1. */
export const SPEECH_VOLUME_MAX = 10;

export const SPEECH_FORMATS = ["wav", "pcm"] as const;
export type SpeechFormat = (typeof SPEECH_FORMATS)[number];
/** The platform's default when response_format is not sent. */
export const DEFAULT_SPEECH_FORMAT: SpeechFormat = "pcm";

/** Documented "recommended sample rate 24000"; assumed 16-bit little-endian mono. */
export const SPEECH_SAMPLE_RATE = 24_000;

export function inputLength(input: string): number {
  return [...input].length;
}
