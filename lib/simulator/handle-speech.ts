import type { IncomingMessage, ServerResponse } from "node:http";
import { SPEECH_SAMPLE_RATE } from "@/lib/shared/upstream/speech-models";
import { deliver } from "./faults";
import { drawDurationMs } from "./generation-time";
import { synthesizeSpeech } from "./render/speech-audio";
import { encodeWav, pcmBytes } from "./render/wav";
import type { SimContext } from "./sim-context";
import { openSyncRequest, withSlot } from "./sync-work";
import { validateSpeechRequest } from "./validate-media";

// POST /api/paas/v4/audio/speech (GLM-TTS, synchronous; docs/upstream.md "Speech (GLM-TTS)"). The
// same checks as the other endpoints, then the answer is the audio itself: a WAV file or raw 16-bit
// 24 kHz mono PCM. Errors stay in the JSON envelope.

/** Assumed platform time per request besides the audio itself (docs/upstream.md). */
const SPEECH_SECONDS = { min: 1, max: 3 };

const CONTENT_TYPES = { wav: "audio/wav", pcm: "application/octet-stream" } as const;

export async function handleSpeech(ctx: SimContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const r = await openSyncRequest(ctx, req, res, "speech", validateSpeechRequest, (v) => v.input);
  if (!r) return;
  const v = r.value;
  const workMs = drawDurationMs(SPEECH_SECONDS, ctx.switches.speed, ctx.opts.random);
  await withSlot(ctx, res, r, workMs, async () => {
    const audio = await synthesizeSpeech(v, ctx.opts.espeakPath);
    ctx.stats.billedMedia.speech++;
    const bytes = v.format === "wav" ? encodeWav(audio.samples, SPEECH_SAMPLE_RATE) : pcmBytes(audio.samples);
    deliver(res, 200, { "Content-Type": CONTENT_TYPES[v.format] }, bytes, r.fault);
  });
}
