import "server-only";
import { validationFailed } from "@/lib/server/errors";
import { DEFAULT_SPEECH_MODEL, DEFAULT_SPEECH_VOICE } from "@/lib/shared/upstream/speech-models";
import { wavLayout, wavSeconds } from "@/lib/shared/wav-layout";
import { speechRequestSchema, type SpeechRequest } from "@/lib/shared/upstream/media-request-schemas";
import { createExchange, type BigModelClientOptions } from "./upstream-exchange";

// Client for POST /audio/speech (GLM-TTS, synchronous; docs/upstream.md "Speech (GLM-TTS)"). The
// studio always asks for WAV (the platform's default is headerless PCM) so what it stores plays
// anywhere; the answer is checked to be a WAV before it is returned. Input over the documented
// limits is refused before sending, with bilingual field messages; platform errors become
// UpstreamError. It never retries.

export interface SpeechClientOptions extends BigModelClientOptions {
  /** Model code; default glm-tts (BIGMODEL_SPEECH_MODEL). */
  model?: string;
}

type SpeakRequest = Omit<SpeechRequest, "model" | "response_format" | "stream">;

interface SpokenAudio {
  wav: Buffer;
  sampleRate: number;
  /** Seconds of audio, from the WAV header. */
  durationSeconds: number;
}

export interface SpeechClient {
  readonly model: string;
  speak(request: SpeakRequest): Promise<SpokenAudio>;
}

/** A spoken 1024-character input is a few minutes of 24 kHz audio: far above the JSON cap. */
const MAX_AUDIO_BYTES = 64 * 1024 * 1024;

export function createSpeechClient(options: SpeechClientOptions): SpeechClient {
  const ex = createExchange({ maxResponseBytes: MAX_AUDIO_BYTES, ...options });
  const model = options.model ?? DEFAULT_SPEECH_MODEL;
  return {
    model,
    async speak(request) {
      const checked = speechRequestSchema.safeParse({ voice: DEFAULT_SPEECH_VOICE, ...request, model, response_format: "wav" });
      if (!checked.success) throw validationFailed(checked.error);
      const res = await ex.send("speech", "POST", "/audio/speech", checked.data, "audio/wav, application/json");
      const layout = wavLayout(res.body);
      if (!layout) throw ex.fail("speech", "malformed", res.status, "not-wav", `speech: HTTP ${res.status} answer is not a WAV file`);
      return { wav: res.body, sampleRate: layout.sampleRate, durationSeconds: wavSeconds(layout) };
    },
  };
}
