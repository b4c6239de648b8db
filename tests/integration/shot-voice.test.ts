import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AI_CALL_JOB, aiCallLane } from "@/lib/server/ai-calls/call-job";
import { spentFen } from "@/lib/server/budgets/spend";
import { enqueueJob } from "@/lib/server/jobs/enqueue";
import { holdCall } from "@/lib/server/ledger/ledger";
import { type RunningSimulator } from "@/lib/simulator/server";
import type { FilmExportView } from "@/lib/shared/film/film-export-view";
import type { FilmView } from "@/lib/shared/film/film-views";
import { voiceFrames, voiceOverflowSeconds, type VoiceView } from "@/lib/shared/film/voice";
import { expectOk, expectRefused, sendAs } from "../support/route-answers";
import { providers } from "../support/test-db";
import { waitFor } from "../support/wait-for";
import { type CallWorld, startCallWorld } from "./call-worker-support";
import { filmOfShots, queueTake, storeTakeVideo, voiceOf, voiceSettled } from "./films-support";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

// Voice-over end to end through the real routes, the job runner and the simulator over HTTP (real
// espeak-ng speech): the speech call is held against the budgets and settled; its WAV is stored and
// served; the film's cast gives a speaker the same voice; refusals leave nothing held; a call found
// SENDING settles from a WAV it stored before the crash and is never sent again; a line longer than
// its shot is flagged with the overflow; the export mixes the voice in and keeps its exact length.

const CLIP = { width: 1920, height: 1080, frames: 48, toneHz: 440 } as const;
const PRICE = 3;
const YEAR = { start: new Date(0), end: new Date(Date.now() + 86_400_000) };

async function loadRoutes() {
  return {
    films: await import("@/app/api/films/route"),
    film: await import("@/app/api/films/[filmId]/route"),
    shots: await import("@/app/api/films/[filmId]/shots/route"),
    takes: await import("@/app/api/shots/[shotId]/takes/route"),
    voice: await import("@/app/api/shots/[shotId]/voice/route"),
    audio: await import("@/app/api/shots/[shotId]/voice/audio/route"),
    voices: await import("@/app/api/films/[filmId]/voices/route"),
    exports: await import("@/app/api/films/[filmId]/exports/route"),
    worker: await import("@/lib/server/worker/start-worker"),
    exportJob: await import("@/lib/server/film-export/export-job"),
    storage: await import("@/lib/server/storage/instance"),
    voiceKey: (await import("@/lib/server/storage/keys")).voiceKey,
  };
}

function probeSeconds(file: string): number {
  return Number(execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", file], { encoding: "utf8" }).trim());
}

/** Mean volume (dB) of a file's sound in [from, to) s above 1.5 kHz: speech has it, a 440 Hz tone hardly any. */
function highDb(file: string, from: number, to: number): number {
  const out = execFileSync("sh", ["-c", `ffmpeg -hide_banner -nostdin -ss ${from} -t ${to - from} -i '${file}' -vn -af 'highpass=f=1500,highpass=f=1500,volumedetect' -f null - 2>&1`], { encoding: "utf8" });
  const m = /mean_volume: (-?[\d.]+|-inf) dB/.exec(out);
  if (!m) throw new Error(out.slice(-300));
  return m[1] === "-inf" ? -200 : Number(m[1]);
}

describe.each(providers())("shot voice-over on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof loadRoutes>>;
  let sim: RunningSimulator;
  let world: CallWorld;
  let me: StudioUser;
  let seq = 0;

  const ok = expectOk;
  const refused = expectRefused;
  const speak = (shotId: string, body: unknown, key = randomUUID(), user = me) => r.voice.POST(sendAs(user, "POST", `/api/shots/${shotId}/voice`, body, { "idempotency-key": key }), ctx({ shotId }));
  const voiceOfShot = (shotId: string) => voiceOf(r.voice, me, shotId);
  const done = (shotId: string) => voiceSettled(r.voice, me, shotId);
  const filmView = async (filmId: string) => (await ok<{ film: FilmView }>(r.film.GET(getRequest(me, `/api/films/${filmId}`), ctx({ filmId })))).film;
  const mediaRoot = () => path.join(s.dataDir, "media");

  const film = (captions: (string | null)[], trimOut = 120) =>
    filmOfShots(r, me, `Voices ${kind} ${seq++}`, captions.map((caption, i) => ({ mode: "text", prompt: `Shot ${i + 1}: lanterns over a river`, trimIn: 0, trimOut, caption })));

  /** A stored take chosen for the shot, as the video job leaves it. */
  async function storeTake(shotId: string): Promise<void> {
    await storeTakeVideo(s, r.storage.storage(), await queueTake(r.takes, me, shotId, `voice-take-${kind}-${seq++}`), CLIP, 2000);
  }

  beforeAll(async () => {
    s = await setupStudio(kind, { PRICE_FEN_SPEECH: String(PRICE), WORKER_LEASE_MS: "3000", MEDIA_URL_TTL_SECONDS: "600" });
    r = await loadRoutes();
    world = await startCallWorld(s, { name: "voice", simSpeed: 20, requestTimeoutMs: 10_000, storage: r.storage.storage(), extraKinds: [r.exportJob.filmExportJob], mediaCap: 2 });
    ({ sim } = world);
    me = await s.user(`voice-${kind}@example.test`);
  });
  afterAll(async () => {
    await world?.stop();
    await s?.drop();
  });
  beforeEach(() => world.reset());

  it("speaks a line: held, stored as a WAV of the answered length, settled, served; the cast gives the speaker the same voice", { timeout: 90_000 }, async () => {
    const f = await film(["The harbour wakes up before the boats.", "我们天亮就出发。"]);
    const queued = (await ok<{ voice: VoiceView }>(speak(f.shots[0]!, { speaker: "Mei", voice: "xiaochen" }), 202)).voice;
    expect(queued).toMatchObject({ voice: "xiaochen", speaker: "Mei", text: "The harbour wakes up before the boats.", stale: false });
    const v = await done(f.shots[0]!);
    expect(v).toMatchObject({ status: "done", costFen: PRICE, errorCode: null, overflowSeconds: 0 });
    expect(v.durationMs).toBeGreaterThan(500);

    // Money: one HOLD of the price, one CHARGE of it; the spend is the price.
    const ledger = await s.db.ledgerEntry.findMany({ where: { callId: v.callId }, select: { kind: true, amountFen: true } });
    expect(ledger.filter((e) => e.amountFen > 0).map((e) => [e.kind, e.amountFen]).sort()).toEqual([["CHARGE", PRICE], ["HOLD", PRICE]]);
    expect(await spentFen(s.db, { userId: me.id, ...YEAR })).toBe(PRICE);

    // The stored WAV is the answer, as long as the call says (ffprobe), and the preview serves it.
    const file = path.join(mediaRoot(), r.voiceKey(v.callId));
    expect(Math.abs(probeSeconds(file) * 1000 - v.durationMs!)).toBeLessThan(20);
    const res = await r.audio.GET(getRequest(me, v.audioUrl!), ctx({ shotId: f.shots[0]! }));
    expect([res.status, res.headers.get("content-type")]).toEqual([200, "audio/wav"]);
    expect((await res.arrayBuffer()).byteLength).toBe(fs.statSync(file).size);
    const ranged = await r.audio.GET(getRequest(me, v.audioUrl!, { range: "bytes=0-43" }), ctx({ shotId: f.shots[0]! }));
    expect(ranged.status).toBe(206);
    expect(Buffer.from(await ranged.arrayBuffer()).subarray(0, 4).toString("ascii")).toBe("RIFF");

    // The cast: Mei speaks with xiaochen from now on, without choosing again.
    expect((await filmView(f.id)).voiceCast).toEqual({ Mei: "xiaochen" });
    const second = (await ok<{ voice: VoiceView }>(speak(f.shots[1]!, { speaker: "Mei" }), 202)).voice;
    expect(second.voice).toBe("xiaochen");
    await done(f.shots[1]!);
    expect(sim.control.stats().requests.speech).toBe(2);
    const cast = await ok<{ cast: Record<string, string> }>(r.voices.PUT(sendAs(me, "PUT", `/api/films/${f.id}/voices`, { cast: { Mei: "tongtong", Old: "douji" } }), ctx({ filmId: f.id })));
    expect(cast.cast).toEqual({ Mei: "tongtong", Old: "douji" });

    // Changing the caption marks the voice stale; removing it deletes the audio.
    await s.db.shot.update({ where: { id: f.shots[0]! }, data: { caption: "Another line" } });
    expect((await voiceOfShot(f.shots[0]!))?.stale).toBe(true);
    await ok(r.voice.DELETE(sendAs(me, "DELETE", `/api/shots/${f.shots[0]!}/voice`), ctx({ shotId: f.shots[0]! })));
    expect(await voiceOfShot(f.shots[0]!)).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });

  it("refuses before anything is held: no line, an unknown voice, a budget the price would exceed", async () => {
    const f = await film([null, "A line"]);
    const calls = () => s.db.aiCall.count({ where: { kind: "SPEECH", ownerId: me.id } });
    const before = await calls();
    const noLine = await refused(speak(f.shots[0]!, {}), 409, "voice_no_line");
    expect(noLine.messages["zh-CN"]).toContain("字幕");
    const bad = await refused(speak(f.shots[1]!, { voice: "alloy", speed: 3 }), 422, "validation_failed");
    expect(bad.fields?.map((x) => [x.path, x.key]).sort()).toEqual([["speed", "errors.field.speech_speed"], ["voice", "errors.field.voice_unknown"]]);
    await s.db.budget.create({ data: { scope: "INSTANCE_DAILY", limitFen: PRICE - 1 } });
    await refused(speak(f.shots[1]!, {}), 402, "budget_instance_daily");
    expect(await calls()).toBe(before);
    expect(await s.db.shot.findUniqueOrThrow({ where: { id: f.shots[1]! }, select: { voiceCallId: true } })).toEqual({ voiceCallId: null });
    expect(sim.control.stats().requests.speech).toBe(0);
  });

  it("a call found SENDING settles from the WAV it stored before the crash, never sent again; without one it keeps its hold", { timeout: 30_000 }, async () => {
    const request = { model: "glm-tts", input: "Recovered line", voice: "tongtong", response_format: "wav" };
    // What a crash after the put and before the settlement leaves: the call SENDING, its hold, (its WAV), its job.
    const wav = execFileSync("ffmpeg", ["-hide_banner", "-v", "error", "-f", "lavfi", "-i", "sine=frequency=300:sample_rate=24000:duration=1.25", "-ac", "1", "-c:a", "pcm_s16le", "-f", "wav", "pipe:1"]);
    const make = async (withWav: boolean) => {
      const id = await s.db.$transaction(async (tx) => {
        const call = await tx.aiCall.create({ data: { kind: "SPEECH", purpose: "shot.voice", ownerId: me.id, model: "glm-tts", status: "SENDING", attempt: 1, costFen: PRICE, request, idemKey: randomUUID(), paramsHash: "x" } });
        await holdCall(tx, call);
        return call.id;
      });
      if (withWav) await r.storage.storage().put(r.voiceKey(id), wav, { contentType: "audio/wav" });
      await s.db.$transaction((tx) => enqueueJob(tx, { kind: AI_CALL_JOB, subjectId: id, lane: aiCallLane("SPEECH"), step: "send" }));
      return id;
    };
    const stored = await make(true);
    const lost = await make(false);
    const ended = (id: string) => waitFor(`call ${id} to end`, async () => {
      const c = await s.db.aiCall.findUniqueOrThrow({ where: { id } });
      return c.status === "DONE" || c.status === "FAILED" ? c : null;
    }, 20_000);
    const a = await ended(stored);
    expect(a).toMatchObject({ status: "DONE", settledFen: PRICE });
    expect((a.answer as { durationMs: number }).durationMs).toBe(1250);
    const b = await ended(lost);
    expect(b).toMatchObject({ status: "FAILED", errorCode: "unconfirmed" });
    expect(sim.control.stats().requests.speech).toBe(0);
    expect(await s.db.ledgerEntry.count({ where: { callId: lost, kind: "REFUND" } })).toBe(0);
  });

  it("flags a line longer than its shot with the overflow; the export mixes the voice in, to the frame", { timeout: 240_000 }, async () => {
    // Two shots of half a second: a long line on the first, none on the second.
    const f = await film(["The harbour wakes up slowly before the fishing boats leave the quay.", "Quiet"], 12);
    for (const shotId of f.shots) await storeTake(shotId);
    await ok(speak(f.shots[0]!, { voice: "jam" }), 202);
    const v = await done(f.shots[0]!);
    expect(v.status).toBe("done");
    const shown = (await filmView(f.id)).shots[0]!.voice!;
    expect(shown.overflowSeconds).toBe(voiceOverflowSeconds(v.durationMs!, 12));
    expect(shown.overflowSeconds).toBeGreaterThan(1);

    const exp = (await ok<{ export: FilmExportView }>(r.exports.POST(sendAs(me, "POST", `/api/films/${f.id}/exports`, { captions: true }), ctx({ filmId: f.id })), 202)).export;
    const row = await waitFor("the export to end", async () => {
      const e = await s.db.filmExport.findUniqueOrThrow({ where: { id: exp.id } });
      return ["READY", "FAILED"].includes(e.status) ? e : null;
    }, 180_000);
    expect([row.status, row.errorCode]).toEqual(["READY", null]);
    const job = await s.db.job.findFirstOrThrow({ where: { kind: "film-export", subjectId: exp.id } });
    const payload = job.payload as { cut: { clips: { voice?: { frames: number } | null }[] } };
    expect(payload.cut.clips.map((c) => c.voice?.frames ?? null)).toEqual([voiceFrames(v.durationMs!), null]);
    const out = path.join(mediaRoot(), "exports", exp.id, "film.mp4");
    const frames = Number(execFileSync("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", out], { encoding: "utf8" }).trim());
    expect(frames).toBe(24);
    // Speech (above 1.5 kHz) in shot 1, cut at its end: shot 2 has only its 440 Hz tone.
    const voiced = highDb(out, 0.05, 0.45);
    const after = highDb(out, 0.6, 0.95);
    console.info(`above 1.5 kHz: ${voiced} dB in shot 1 (voice), ${after} dB in shot 2`);
    expect(voiced - after).toBeGreaterThan(15);
  });
});
