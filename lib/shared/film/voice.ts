import { z } from "zod";
import { SPEECH_SPEED_MAX, SPEECH_SPEED_MIN, SPEECH_VOICES, type SpeechVoice } from "../upstream/speech-models";
import { FILM_FPS } from "./cut";

// Voice-over of a film's shots: a shot's caption spoken by a GLM-TTS system voice. The film keeps a
// small cast (speaker name → voice) so every line of one character sounds the same; a shot names its
// speaker, or is spoken with a voice chosen for it alone. Isomorphic: the routes, the storyboard and
// the export read the same rules.

export const SPEAKER_MAX_CHARS = 40;
const CAST_MAX_SPEAKERS = 50;

const speakerName = z
  .string({ error: "errors.field.invalid" })
  .trim()
  .min(1, { error: "errors.field.required" })
  .max(SPEAKER_MAX_CHARS, { error: "errors.field.too_long" });
const voiceName = z.enum(SPEECH_VOICES, { error: "errors.field.voice_unknown" });

/** POST /api/shots/:shotId/voice. Without `voice` the speaker's voice in the cast is used (else the default). */
export const speakShotSchema = z.strictObject({
  voice: voiceName.optional(),
  speaker: speakerName.nullable().optional(),
  speed: z.number({ error: "errors.field.speech_speed" }).min(SPEECH_SPEED_MIN, { error: "errors.field.speech_speed" }).max(SPEECH_SPEED_MAX, { error: "errors.field.speech_speed" }).optional(),
});
export type SpeakShotInput = z.infer<typeof speakShotSchema>;

/** PUT /api/films/:filmId/voices: the whole cast. */
export const voiceCastSchema = z.strictObject({
  cast: z.record(speakerName, voiceName).refine((c) => Object.keys(c).length <= CAST_MAX_SPEAKERS, { error: "errors.field.invalid" }),
});
export type VoiceCast = Record<string, SpeechVoice>;

/** A stored cast as the API shows it: unknown voices (an older list) are dropped, not trusted. */
export function castOf(stored: unknown): VoiceCast {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const cast: VoiceCast = {};
  for (const [name, voice] of Object.entries(stored)) {
    if ((SPEECH_VOICES as readonly unknown[]).includes(voice)) cast[name] = voice as SpeechVoice;
  }
  return cast;
}

export type VoiceStatus = "pending" | "done" | "failed";

export interface VoiceView {
  callId: string;
  status: VoiceStatus;
  voice: string;
  speaker: string | null;
  speed: number;
  /** The line as it was spoken; `stale` when the caption has changed since. */
  text: string;
  stale: boolean;
  /** Seconds of audio, once done. */
  durationMs: number | null;
  audioUrl: string | null;
  /** Held while pending, what it cost once answered. */
  costFen: number;
  /** Why it failed (the AiCall's error code), once failed. */
  errorCode: string | null;
  /** How much longer the line runs than the shot's clip, in seconds (one decimal); 0 when it fits. */
  overflowSeconds: number;
}

/** Whole film frames of a voice of `durationMs`, rounded up: the caption stays until the last word. */
export function voiceFrames(durationMs: number): number {
  return Math.max(0, Math.ceil((durationMs * FILM_FPS) / 1000 - 1e-9));
}

/** Seconds (one decimal, rounded up) that a voice of `durationMs` runs past a clip of `clipFrames`. */
export function voiceOverflowSeconds(durationMs: number, clipFrames: number): number {
  const over = durationMs / 1000 - clipFrames / FILM_FPS;
  return over > 0.05 ? Math.ceil(over * 10 - 1e-9) / 10 : 0;
}
