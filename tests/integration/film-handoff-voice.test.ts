import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cutOfFilm } from "@/lib/server/films/build-cut";
import { voiceFrames, type VoiceView } from "@/lib/shared/film/voice";
import { expectOk, sendAs } from "../support/route-answers";
import { providers } from "../support/test-db";
import { readEdl, readFcpxml, readOtio } from "../support/timeline-readers";
import { type CallWorld, startCallWorld } from "./call-worker-support";
import { filmOfShots, loadFilmRoutes, queueTake, storeTakeVideo, voiceSettled } from "./films-support";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

// The hand-off zip of a film with voice-over, through the real routes: lines spoken by the simulator's
// GLM-TTS over HTTP (real espeak-ng WAVs) and stored by the call job, takes stored as the video job
// leaves them; the package downloaded through GET /api/films/:id/handoff and unzipped with the system's
// unzip (no zip reader is among the dependencies). Each current voice is in audio/, byte for byte the
// stored WAV, and every timeline places it from its shot's first frame; a line whose caption changed
// since (stale) and one whose WAV is gone from storage (missing) are left out and named in the README.

const CLIP = { width: 1920, height: 1080, frames: 48, toneHz: 440 } as const;
const SHOT_FRAMES = 48;

async function loadRoutes() {
  return {
    ...(await loadFilmRoutes()),
    voice: await import("@/app/api/shots/[shotId]/voice/route"),
    handoff: await import("@/app/api/films/[filmId]/handoff/route"),
    storage: await import("@/lib/server/storage/instance"),
    voiceKey: (await import("@/lib/server/storage/keys")).voiceKey,
  };
}

describe.each(providers())("film hand-off with voice-over on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof loadRoutes>>;
  let world: CallWorld;
  let me: StudioUser;
  let viewer: StudioUser;
  let seq = 0;

  const ok = expectOk;
  const speak = async (shotId: string, body: unknown): Promise<VoiceView> => {
    await ok(r.voice.POST(sendAs(me, "POST", `/api/shots/${shotId}/voice`, body, { "idempotency-key": randomUUID() }), ctx({ shotId })), 202);
    const v = await voiceSettled(r.voice, me, shotId);
    expect(v.status).toBe("done");
    return v;
  };

  async function storeTake(shotId: string): Promise<void> {
    await storeTakeVideo(s, r.storage.storage(), await queueTake(r.takes, me, shotId, `handoff-voice-${kind}-${seq++}`), CLIP, 2000);
  }

  beforeAll(async () => {
    s = await setupStudio(kind, { PRICE_FEN_SPEECH: "2", WORKER_LEASE_MS: "3000" });
    r = await loadRoutes();
    world = await startCallWorld(s, { name: "handoff-voice", simSpeed: 20, requestTimeoutMs: 10_000, storage: r.storage.storage() });
    me = await s.user(`handoff-voice-${kind}@example.test`);
    viewer = await s.user(`handoff-voice-viewer-${kind}@example.test`);
  });
  afterAll(async () => {
    await world?.stop();
    await s?.drop();
  });
  beforeEach(() => world.reset());

  it("packs each current WAV under audio/, byte for byte, on every timeline's audio track; stale and missing lines named in the README", { timeout: 180_000 }, async () => {
    const team = await s.db.team.create({ data: { name: `Handoff ${kind}`, memberships: { create: [{ userId: me.id, role: "OWNER" }, { userId: viewer.id, role: "VIEWER" }] } } });
    const title = `Harbour voices ${kind}`;
    const captions = ["The harbour wakes up.", "我们天亮就出发。", "An old line.", "Lost words."];
    const bodies = captions.map((caption, i) => ({ mode: "text", prompt: `Shot ${i + 1}: lanterns over a river`, trimIn: 0, trimOut: SHOT_FRAMES, caption }));
    const { shots, ...f } = await filmOfShots(r, me, title, bodies, team.id);
    for (const id of shots) await storeTake(id);
    const mei = await speak(shots[0]!, { speaker: "Mei", voice: "xiaochen" });
    const chen = await speak(shots[1]!, { speaker: "老陈/船长", voice: "douji" });
    await speak(shots[2]!, { speaker: "Tom" });
    const lost = await speak(shots[3]!, {});
    // Shot 3's caption changes after it was spoken (stale); shot 4's WAV disappears from storage (missing).
    await ok(r.shot.PATCH(sendAs(me, "PATCH", `/api/shots/${shots[2]}`, { caption: "A new line." }), ctx({ shotId: shots[2]! })));
    await r.storage.storage().delete(r.voiceKey(lost.callId));

    // A viewer of the team may download it.
    const res = await r.handoff.GET(getRequest(viewer, `/api/films/${f.id}/handoff`), ctx({ filmId: f.id }));
    expect(res.status).toBe(200);
    const zip = path.join(s.dataDir, `handoff-voice-${seq++}.zip`);
    fs.writeFileSync(zip, Buffer.from(await res.arrayBuffer()));
    expect(spawnSync("unzip", ["-tq", zip], { encoding: "utf8" }).status).toBe(0);
    const entries = spawnSync("unzip", ["-Z1", zip], { encoding: "utf8" }).stdout.trim().split("\n");
    const entry = (name: string) => spawnSync("unzip", ["-p", zip, name], { maxBuffer: 64 * 1024 * 1024 }).stdout as Buffer;
    expect(entries.filter((e) => e.startsWith("audio/"))).toEqual(["audio/01-Mei.wav", "audio/02-老陈 船长.wav"]);
    expect(entries.filter((e) => e.startsWith("media/"))).toHaveLength(4);

    // Byte for byte the stored WAVs.
    const stored = (callId: string) => fs.readFileSync(path.join(s.dataDir, "media", r.voiceKey(callId)));
    expect(entry("audio/01-Mei.wav").equals(stored(mei.callId))).toBe(true);
    expect(entry("audio/02-老陈 船长.wav").equals(stored(chen.callId))).toBe(true);
    expect(entry("audio/01-Mei.wav").subarray(0, 4).toString("ascii")).toBe("RIFF");

    // The .otio parses and places each voice from its shot's first frame, referencing the zip's entries.
    const heard = (durationMs: number, start: number) => ({ recordIn: start, recordOut: start + Math.min(SHOT_FRAMES, voiceFrames(durationMs)), sourceIn: 0 });
    const otio = readOtio(entry(`${title}.otio`).toString("utf8"));
    expect(otio.audio).toEqual([
      { track: "A1", mediaPath: "audio/01-Mei.wav", ...heard(mei.durationMs!, 0) },
      { track: "A2", mediaPath: `audio/${encodeURIComponent("02-老陈 船长.wav")}`, ...heard(chen.durationMs!, SHOT_FRAMES) },
    ]);
    for (const a of otio.audio) expect(entries).toContain(decodeURIComponent(a.mediaPath));
    const fcp = readFcpxml(entry(`${title}.fcpxml`).toString("utf8"));
    expect(fcp.audio.map((a) => [decodeURIComponent(a.mediaPath), a.recordIn, a.recordOut])).toEqual(otio.audio.map((a) => [decodeURIComponent(a.mediaPath), a.recordIn, a.recordOut]));
    const edl = readEdl(entry(`${title}.edl`).toString("utf8"));
    expect(edl.audio.map((a) => [`audio/${a.mediaPath}`, a.recordIn, a.recordOut])).toEqual(otio.audio.map((a) => [decodeURIComponent(a.mediaPath), a.recordIn, a.recordOut]));

    const readme = entry("README.txt").toString("utf8");
    expect(readme).toContain("audio/01-Mei.wav");
    expect(readme).toContain("audio/02-老陈 船长.wav");
    expect(readme).toContain("shot 3 (Tom): its caption changed after it was spoken");
    expect(readme).toContain("shot 4: no voice file");
    expect(readme).toContain("镜头 3 (Tom)：配音生成后字幕已修改");

    // The export's cut agrees: shot 3's line, spoken from the old caption, is not mixed in either.
    const { cut, voices } = await cutOfFilm(s.db, { id: f.id, title, aspect: "16:9" });
    expect(cut.clips.map((c) => c.voice !== undefined)).toEqual([true, true, false, true]);
    expect(Object.keys(voices).sort()).toEqual([shots[0]!, shots[1]!, shots[3]!].sort());
  });
});
