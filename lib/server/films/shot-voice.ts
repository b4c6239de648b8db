import "server-only";
import { captionLines } from "@/lib/shared/film/caption-text";
import { castOf, type SpeakShotInput, type VoiceCast, type VoiceView } from "@/lib/shared/film/voice";
import { DEFAULT_SPEECH_VOICE } from "@/lib/shared/upstream/speech-models";
import { queueAiCall } from "../ai-calls/queue-call";
import { speechCostFen } from "../ai-calls/price";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";
import { env } from "../env";
import { AppError } from "../errors";
import { MEDIA_CSP } from "../media/media-csp";
import { serveRange } from "../media/serve-range";
import type { Access } from "../permissions";
import type { Storage } from "../storage";
import { touchFilm } from "./films";
import { loadFilm, loadShot } from "./load-film";
import { workspaceOfFilm } from "./make-takes";
import type { ShotRow } from "./shot-columns";
import { clipFramesOf, storedAudioOf, voiceCallOf, voiceViewOf } from "./voice-view";

// A shot's voice-over: its caption spoken by GLM-TTS as one SPEECH call through the ledger, budgets
// and job runner (lib/server/ai-calls; the WAV is stored by the call itself). The shot points at its
// current call; speaking again replaces it, and the replaced audio is deleted once the new one is
// queued. The film's cast remembers each speaker's voice, so the next line of that speaker sounds
// the same without choosing again.

const PURPOSE = "shot.voice";

async function clipFramesOfShot(client: Pick<Db, "generation">, shot: ShotRow): Promise<number> {
  const take = shot.chosenTakeId ? await client.generation.findUnique({ where: { id: shot.chosenTakeId }, select: { durationMs: true } }) : null;
  return clipFramesOf(shot, take?.durationMs ?? null);
}

async function viewOf(client: Db, shot: ShotRow): Promise<VoiceView | null> {
  return voiceViewOf(shot, await voiceCallOf(client, shot.voiceCallId), await clipFramesOfShot(client, shot));
}

/** The shot's line as it is spoken and shown (the caption's lines, cleaned as for subtitles). */
function lineOf(shot: ShotRow): string {
  const lines = captionLines(shot.caption);
  if (!lines) throw new AppError("voice_no_line", { fields: [{ path: "caption", key: "errors.field.voice_no_line" }] });
  return lines.join("\n");
}

async function deleteAudioOf(client: Db, store: Storage, callId: string | null): Promise<void> {
  const call = await voiceCallOf(client, callId);
  const audio = call ? storedAudioOf(call) : null;
  if (audio) await store.delete(audio.storageKey);
}

export async function speakShot(client: Db, store: Storage, access: Access, shotId: string, idemKey: string, input: SpeakShotInput): Promise<VoiceView> {
  const { film, shot } = await loadShot(client, access, shotId, "edit");
  const text = lineOf(shot);
  const cast = castOf(film.voiceCast);
  const speaker = input.speaker === undefined ? shot.speaker : input.speaker;
  const voice = input.voice ?? (speaker ? cast[speaker] : undefined) ?? DEFAULT_SPEECH_VOICE;
  const request = { model: env().BIGMODEL_SPEECH_MODEL, input: text, voice, ...(input.speed === undefined ? {} : { speed: input.speed }), response_format: "wav" as const };
  const queued = await queueAiCall(client, access, idemKey, { kind: "SPEECH", purpose: PURPOSE, model: request.model, request, costFen: speechCostFen(), workspace: workspaceOfFilm(film), filmId: film.id });
  const previous = shot.voiceCallId;
  await writeTransaction(client, async (tx) => {
    await touchFilm(tx, film.id);
    await tx.shot.update({ where: { id: shot.id }, data: { voiceCallId: queued.id, speaker } });
    if (speaker && cast[speaker] !== voice) {
      const current = castOf((await tx.film.findUniqueOrThrow({ where: { id: film.id }, select: { voiceCast: true } })).voiceCast);
      await tx.film.update({ where: { id: film.id }, data: { voiceCast: { ...current, [speaker]: voice } } });
    }
  });
  if (previous && previous !== queued.id) await deleteAudioOf(client, store, previous);
  return (await viewOf(client, { ...shot, voiceCallId: queued.id, speaker }))!;
}

export async function getShotVoice(client: Db, access: Access, shotId: string): Promise<VoiceView | null> {
  const { shot } = await loadShot(client, access, shotId, "view");
  return viewOf(client, shot);
}

/** Removes the voice-over (and its audio). A line still being spoken cannot be removed yet: 409 voice_pending. */
export async function deleteShotVoice(client: Db, store: Storage, access: Access, shotId: string): Promise<void> {
  const { film, shot } = await loadShot(client, access, shotId, "edit");
  const call = await voiceCallOf(client, shot.voiceCallId);
  if (!call) return;
  if (call.status === "QUEUED" || call.status === "SENDING") throw new AppError("voice_pending");
  await writeTransaction(client, async (tx) => {
    await touchFilm(tx, film.id);
    await tx.shot.updateMany({ where: { id: shot.id, voiceCallId: call.id }, data: { voiceCallId: null } });
  });
  await deleteAudioOf(client, store, call.id);
}

/** GET /api/shots/:shotId/voice/audio: the stored WAV, to whoever may view the film. */
export async function serveShotVoice(client: Db, store: Storage, access: Access, req: Request, shotId: string): Promise<Response> {
  const { shot } = await loadShot(client, access, shotId, "view");
  const call = await voiceCallOf(client, shot.voiceCallId);
  const audio = call ? storedAudioOf(call) : null;
  if (!audio) throw new AppError("not_found");
  const res = await serveRange(req, { storage: store, key: audio.storageKey, contentType: "audio/wav", cacheControl: "private, max-age=3600", etag: `"${audio.sha256}"` });
  res.headers.set("content-security-policy", MEDIA_CSP);
  return res;
}

export async function getVoiceCast(client: Db, access: Access, filmId: string): Promise<VoiceCast> {
  return castOf((await loadFilm(client, access, filmId, "view")).voiceCast);
}

export async function setVoiceCast(client: Db, access: Access, filmId: string, cast: VoiceCast): Promise<VoiceCast> {
  const film = await loadFilm(client, access, filmId, "edit");
  await writeTransaction(client, async (tx) => {
    await touchFilm(tx, film.id);
    await tx.film.update({ where: { id: film.id }, data: { voiceCast: cast } });
  });
  return cast;
}
