import "server-only";
import { captionLines } from "@/lib/shared/film/caption-text";
import { FILM_FPS } from "@/lib/shared/film/cut";
import { TAKE_FRAMES } from "@/lib/shared/film/film-schemas";
import { voiceOverflowSeconds, type VoiceStatus, type VoiceView } from "@/lib/shared/film/voice";
import type { Db } from "../db";

// A shot's voice-over as the API shows it, read from its SPEECH call: the request says what was
// spoken and with which voice, the settled answer where the WAV is stored and how long it runs.

const CALL_SELECT = { id: true, status: true, costFen: true, settledFen: true, request: true, answer: true, errorCode: true } as const;

export interface VoiceCallRow {
  id: string;
  status: "QUEUED" | "SENDING" | "DONE" | "FAILED" | "CANCELLED";
  costFen: number;
  settledFen: number | null;
  request: unknown;
  answer: unknown;
  errorCode: string | null;
}

interface SpokenRequest {
  input: string;
  voice: string;
  speed?: number;
}

interface StoredAudio {
  storageKey: string;
  durationMs: number;
  sha256: string;
}

export async function voiceCallsOf(client: Pick<Db, "aiCall">, ids: readonly (string | null)[]): Promise<Map<string, VoiceCallRow>> {
  const wanted = ids.filter((id): id is string => id !== null);
  if (wanted.length === 0) return new Map();
  const rows = await client.aiCall.findMany({ where: { id: { in: wanted }, kind: "SPEECH" }, select: CALL_SELECT });
  return new Map(rows.map((r) => [r.id, r]));
}

export async function voiceCallOf(client: Pick<Db, "aiCall">, id: string | null): Promise<VoiceCallRow | null> {
  return (await voiceCallsOf(client, [id])).get(id ?? "") ?? null;
}

/** The stored audio of an answered call, or null. */
export function storedAudioOf(call: VoiceCallRow): StoredAudio | null {
  const a = call.answer as Partial<StoredAudio> | null;
  if (call.status !== "DONE" || !a || typeof a.storageKey !== "string" || typeof a.durationMs !== "number") return null;
  return { storageKey: a.storageKey, durationMs: a.durationMs, sha256: typeof a.sha256 === "string" ? a.sha256 : call.id };
}

/** Frames of the shot's clip: its trim of the chosen take (a take not made yet counts as a full one). */
export function clipFramesOf(shot: { trimIn: number; trimOut: number | null }, takeDurationMs: number | null): number {
  const source = takeDurationMs ? Math.round((takeDurationMs * FILM_FPS) / 1000) : TAKE_FRAMES;
  return Math.max(0, (shot.trimOut ?? source) - shot.trimIn);
}

/** The line was spoken from another caption than the shot's current one. */
export function voiceIsStale(caption: string | null, call: VoiceCallRow): boolean {
  return (captionLines(caption)?.join("\n") ?? "") !== (call.request as SpokenRequest).input;
}

function statusOf(call: VoiceCallRow): VoiceStatus {
  if (call.status === "QUEUED" || call.status === "SENDING") return "pending";
  return storedAudioOf(call) ? "done" : "failed";
}

/** Held while pending; settled once answered; a failure was refunded, except an unconfirmed one (hold kept). */
function costOf(call: VoiceCallRow, status: VoiceStatus): number {
  if (status === "done") return call.settledFen ?? 0;
  if (status === "pending" || call.errorCode === "unconfirmed") return call.costFen;
  return 0;
}

export function voiceViewOf(shot: { id: string; caption: string | null; speaker: string | null }, call: VoiceCallRow | null, clipFrames: number): VoiceView | null {
  if (!call) return null;
  const request = call.request as SpokenRequest;
  const audio = storedAudioOf(call);
  const status = statusOf(call);
  return {
    callId: call.id,
    status,
    voice: request.voice,
    speaker: shot.speaker,
    speed: request.speed ?? 1,
    text: request.input,
    stale: voiceIsStale(shot.caption, call),
    durationMs: audio?.durationMs ?? null,
    audioUrl: audio ? `/api/shots/${shot.id}/voice/audio?v=${call.id}` : null,
    costFen: costOf(call, status),
    errorCode: status === "failed" ? (call.errorCode ?? "unknown") : null,
    overflowSeconds: audio ? voiceOverflowSeconds(audio.durationMs, clipFrames) : 0,
  };
}
