import "server-only";
import { createHash } from "node:crypto";
import { speechRequestSchema } from "@/lib/shared/upstream/media-request-schemas";
import { inputLength } from "@/lib/shared/upstream/speech-models";
import { wavLayout, wavSeconds } from "@/lib/shared/wav-layout";
import type { Storage } from "../storage";
import { isStorageError } from "../storage/storage-error";
import { voiceKey } from "../storage/keys";
import type { CallOutcome, CallSender } from "./call-sender";
import { speechCostFen } from "./price";

// Sends a SPEECH call. The answer is the audio itself, not a link: it is stored under the call's own
// key (voices/<callId>.wav, an atomic put) BEFORE the call is settled, and the settled answer only
// names it. A crash between the put and the settlement leaves the call SENDING with its audio
// stored: recoverSpeech then settles from the stored file instead of giving up on audio that was
// paid for — and nothing is ever sent twice (call-job.ts).

const WAV = "audio/wav";

interface SpeechAnswer {
  storageKey: string;
  durationMs: number;
  bytes: number;
  sha256: string;
}

function outcomeOf(answer: SpeechAnswer, characters: number): CallOutcome {
  return { answer: { ...answer }, usage: { characters }, costFen: speechCostFen() };
}

export const sendSpeech: CallSender = async (upstream, call, store) => {
  const request = speechRequestSchema.parse(call.request);
  const audio = await upstream.speech.speak({ input: request.input, voice: request.voice, speed: request.speed, volume: request.volume });
  const key = voiceKey(call.id);
  const put = await store.put(key, audio.wav, { contentType: WAV });
  return outcomeOf({ storageKey: key, durationMs: Math.round(audio.durationSeconds * 1000), bytes: put.bytes, sha256: put.sha256 }, inputLength(request.input));
};

/** The outcome of a SENDING call whose audio was stored before a crash, or null when it was not. */
export async function recoverSpeech(call: Parameters<CallSender>[1], store: Storage): Promise<CallOutcome | null> {
  const key = voiceKey(call.id);
  const stat = await store.stat(key);
  if (!stat) return null;
  let bytes: Buffer;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await store.read(key)) chunks.push(chunk as Buffer);
    bytes = Buffer.concat(chunks);
  } catch (e) {
    if (isStorageError(e, "not_found")) return null;
    throw e;
  }
  const layout = wavLayout(bytes);
  if (!layout) return null;
  const request = speechRequestSchema.parse(call.request);
  return outcomeOf(
    { storageKey: key, durationMs: Math.round(wavSeconds(layout) * 1000), bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") },
    inputLength(request.input),
  );
}
