import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { FilmExportView } from "@/lib/shared/film/film-export-view";
import type { FilmView } from "@/lib/shared/film/film-views";
import type { RunningWorker } from "@/lib/server/worker/start-worker";
import type { RunningSimulator } from "@/lib/simulator/server";
import { fixtureClip } from "../support/film-fixtures";
import { expectOk, expectRefused, type Json, sendAs } from "../support/route-answers";
import { providers } from "../support/test-db";
import { waitFor } from "../support/wait-for";
import { spawnWorker, stopWorker } from "../support/worker-process";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

// Film exports through their route handlers with a real worker (the film-export job kind) and the
// real ffmpeg, on a real migrated database (SQLite; PostgreSQL too when TEST_POSTGRES_URL is set).
// A 3-shot film whose takes are small take-like clips put into storage the way the video job stores
// them; the shots are trimmed to half a second each (12 frames) with one crossfade so the render is
// short: export → READY with the cut's exact length (ffprobe, to the frame), Range on the signed URL,
// versions kept, delete, cancel (queued and rendering), the missing-take refusal, a kill -9 of a
// worker process after the render and after the objects were stored but before READY (never served;
// READY once after the restart), the hand-off zip's entries, and a share link to an export (the public page plays it).


const CLIP = { width: 1920, height: 1080, frames: 48, toneHz: 440 } as const;
const TRIM = 12;
const FADE = 4;

async function loadRoutes() {
  return {
    films: await import("@/app/api/films/route"),
    shots: await import("@/app/api/films/[filmId]/shots/route"),
    shot: await import("@/app/api/shots/[shotId]/route"),
    takes: await import("@/app/api/shots/[shotId]/takes/route"),
    exports: await import("@/app/api/films/[filmId]/exports/route"),
    handoff: await import("@/app/api/films/[filmId]/handoff/route"),
    exp: await import("@/app/api/exports/[exportId]/route"),
    cancel: await import("@/app/api/exports/[exportId]/cancel/route"),
    shareLinks: await import("@/app/api/exports/[exportId]/share-links/route"),
    shareLink: await import("@/app/api/share-links/[linkId]/route"),
    resolve: await import("@/lib/server/share/resolve"),
    sharedMedia: await import("@/app/api/s/[token]/[file]/route"),
    worker: await import("@/lib/server/worker/start-worker"),
    kind: await import("@/lib/server/film-export/export-job"),
    storage: await import("@/lib/server/storage/instance"),
    keys: await import("@/lib/server/storage"),
  };
}

function probeFrames(file: string): { frames: number; width: number; height: number } {
  const out = execFileSync("ffprobe", ["-v", "error", "-count_frames", "-select_streams", "v:0", "-print_format", "json", "-show_entries", "stream=nb_read_frames,width,height", file], { encoding: "utf8" });
  const s = (JSON.parse(out) as { streams: { nb_read_frames: string; width: number; height: number }[] }).streams[0]!;
  return { frames: Number(s.nb_read_frames), width: s.width, height: s.height };
}

describe.each(providers())("film exports on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof loadRoutes>>;
  let alice: StudioUser;
  let bob: StudioUser;
  let worker: RunningWorker | undefined;
  let seq = 0;

  beforeAll(async () => {
    s = await setupStudio(kind, { WORKER_LEASE_MS: "3000", MEDIA_URL_TTL_SECONDS: "600" });
    r = await loadRoutes();
    alice = await s.user(`export-alice-${kind}@example.test`);
    bob = await s.user(`export-bob-${kind}@example.test`);
  });
  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });
  afterAll(async () => s?.drop());

  const send = sendAs;
  const ok = expectOk;
  const refused = expectRefused;
  const startInProcessWorker = () => {
    worker = r.worker.startWorker({ db: s.db, kinds: [r.kind.filmExportJob], leaseMs: 3_000, mediaCap: 2, concurrency: 2, idlePollMs: 50, scratchDir: path.join(s.dataDir, "scratch") });
  };
  const mediaRoot = () => path.join(s.dataDir, "media");
  const exportFiles = (id: string) => {
    const dir = path.join(mediaRoot(), "exports", id);
    return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
  };
  const createExport = (filmId: string, body: Json = {}, user = alice) => r.exports.POST(send(user, "POST", `/api/films/${filmId}/exports`, body), ctx({ filmId }));
  const getExport = async (id: string, user = alice) => (await ok<{ export: FilmExportView }>(r.exp.GET(getRequest(user, `/api/exports/${id}`), ctx({ exportId: id })))).export;
  const listExports = async (filmId: string, user = alice) => (await ok<{ exports: FilmExportView[] }>(r.exports.GET(getRequest(user, `/api/films/${filmId}/exports`), ctx({ filmId })))).exports;
  const ended = (id: string) => async () => {
    const row = await s.db.filmExport.findUniqueOrThrow({ where: { id } });
    return ["READY", "FAILED", "CANCELLED"].includes(row.status) ? row : null;
  };
  const jobEnded = (id: string) => async () => {
    const job = await s.db.job.findFirst({ where: { kind: "film-export", subjectId: id } });
    return job && ["DONE", "FAILED", "CANCELLED"].includes(job.status) ? job : null;
  };

  /** What the video job leaves when a take is stored: STORED with its duration, the VIDEO asset, the object; its job DONE. */
  async function storeTake(takeId: string): Promise<void> {
    const key = r.keys.clipKey(takeId, "video.mp4");
    const put = await r.storage.storage().put(key, fs.createReadStream(fixtureClip(CLIP)), { contentType: "video/mp4" });
    await s.db.generation.update({ where: { id: takeId }, data: { status: "STORED", durationMs: (CLIP.frames * 1000) / 24, finishedAt: new Date() } });
    await s.db.asset.create({ data: { generationId: takeId, kind: "VIDEO", storageKey: key, mime: "video/mp4", bytes: put.bytes, sha256: put.sha256, width: CLIP.width, height: CLIP.height, durationMs: 2000 } });
    await s.db.job.updateMany({ where: { subjectId: takeId }, data: { status: "DONE", finishedAt: new Date() } });
  }

  /** A 3-shot 16:9 film, each shot trimmed to TRIM frames, a crossfade of FADE frames after shot 1; `stored` shots get a take. */
  async function film(stored = 3, opts: { trim?: number } = {}): Promise<{ id: string; title: string; shots: string[] }> {
    const title = `Harbour ${kind} ${seq++}`;
    const f = (await ok<{ film: FilmView }>(r.films.POST(send(alice, "POST", "/api/films", { title, aspect: "16:9" })), 201)).film;
    const shots: string[] = [];
    for (let i = 0; i < 3; i++) {
      const body = { mode: "text", prompt: `Shot ${i + 1} of the harbour at dawn`, trimIn: 0, trimOut: opts.trim ?? TRIM, caption: `Line ${i + 1}`, transition: i === 0 ? { kind: "crossfade", frames: FADE } : { kind: "cut", frames: 0 } };
      const v = (await ok<{ film: FilmView }>(r.shots.POST(send(alice, "POST", `/api/films/${f.id}/shots`, body), ctx({ filmId: f.id })), 201)).film;
      shots.push(v.shots.at(-1)!.id);
    }
    for (const [i, shotId] of shots.entries()) {
      const made = await ok<{ takeIds: string[] }>(r.takes.POST(send(alice, "POST", `/api/shots/${shotId}/takes`, { count: 1 }, { "idempotency-key": `export-${kind}-${seq++}` }), ctx({ shotId })), 202);
      if (i < stored) await storeTake(made.takeIds[0]!);
    }
    return { id: f.id, title, shots };
  }

  it("renders a 3-shot film to READY with the cut's exact length; Range works; versions are kept; delete removes one", { timeout: 240_000 }, async () => {
    const f = await film();
    const first = (await ok<{ export: FilmExportView }>(createExport(f.id, { captions: true }), 202)).export;
    expect(first).toMatchObject({ status: "QUEUED", progress: 0, captions: true, videoUrl: null, posterUrl: null, error: null });
    startInProcessWorker();
    const row = await waitFor("the export to end", ended(first.id), 180_000);
    expect(row.status).toBe("READY");

    const view = await getExport(first.id);
    const frames = 3 * TRIM - FADE;
    expect(view).toMatchObject({ status: "READY", progress: 1, etaSeconds: null, width: 1920, height: 1080, durationMs: Math.round((frames * 1000) / 24), error: null });
    expect(view.videoUrl).toBeTruthy();
    expect(view.posterUrl).toBeTruthy();
    expect(view.bytes).toBe(fs.statSync(path.join(mediaRoot(), "exports", first.id, "film.mp4")).size);
    // The file is the cut, to the frame: sum of trims minus the crossfade's overlap.
    expect(probeFrames(path.join(mediaRoot(), "exports", first.id, "film.mp4"))).toEqual({ frames, width: 1920, height: 1080 });

    // The signed URL serves it with Range, no session needed.
    const ranged = await s.routes.signedMedia.GET(getRequest(null, view.videoUrl!, { range: "bytes=100-1099" }));
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 100-1099/${view.bytes}`);
    expect((await ranged.arrayBuffer()).byteLength).toBe(1000);
    const poster = await s.routes.signedMedia.GET(getRequest(null, view.posterUrl!));
    expect([poster.status, poster.headers.get("content-type")]).toEqual([200, "image/jpeg"]);
    expect((await poster.arrayBuffer()).byteLength).toBeGreaterThan(0); // read it whole: its file handle closes

    // A second version keeps the first; the list is newest first.
    const second = (await ok<{ export: FilmExportView }>(createExport(f.id, {}), 202)).export;
    await waitFor("the second export to end", ended(second.id), 180_000);
    expect((await listExports(f.id)).map((e) => [e.id, e.status, e.captions])).toEqual([
      [second.id, "READY", false],
      [first.id, "READY", true],
    ]);
    expect(exportFiles(first.id)).toEqual(["film.mp4", "poster.jpg"]);

    // Someone who cannot see the film gets 404 for everything about it.
    await refused(r.exp.GET(getRequest(bob, `/api/exports/${first.id}`), ctx({ exportId: first.id })), 404, "not_found");
    await refused(r.exp.DELETE(send(bob, "DELETE", `/api/exports/${first.id}`), ctx({ exportId: first.id })), 404, "not_found");

    // Shared through a share link: the public page's data plays the film (signed URL, Range); revoking ends it.
    const shared = await ok<{ link: { id: string; filmExportId: string | null; generationId: string | null }; token: string; url: string }>(
      r.shareLinks.POST(send(alice, "POST", `/api/exports/${second.id}/share-links`, { expiresInHours: 24 }), ctx({ exportId: second.id })),
      201,
    );
    expect(shared.link).toMatchObject({ filmExportId: second.id, generationId: null });
    expect(shared.url).toMatch(new RegExp(`/s/${shared.token}$`));
    const page = await r.resolve.loadSharedFilm(s.db, shared.token);
    expect(page).toMatchObject({ title: f.title, width: 1920, height: 1080, durationMs: Math.round((frames * 1000) / 24) });
    expect(await r.resolve.loadSharedClip(s.db, shared.token)).toBeNull();
    const sharedRange = await s.routes.signedMedia.GET(getRequest(null, page!.videoUrl, { range: "bytes=0-99" }));
    expect([sharedRange.status, (await sharedRange.arrayBuffer()).byteLength]).toEqual([206, 100]);
    // The link-preview card's poster and video answer signed out through the link itself (they outlive the signed URLs).
    expect(page!.card).toEqual({ imagePath: `/api/s/${shared.token}/poster.jpg`, videoPath: `/api/s/${shared.token}/video.mp4` });
    const cardMedia = (file: "poster.jpg" | "video.mp4" | "cover.jpg", range?: string) =>
      r.sharedMedia.GET(getRequest(null, `/api/s/${shared.token}/${file}`, range ? { range } : {}), ctx({ token: shared.token, file }));
    const cardPoster = await cardMedia("poster.jpg");
    expect([cardPoster.status, cardPoster.headers.get("content-type")]).toEqual([200, "image/jpeg"]);
    const cardVideo = await cardMedia("video.mp4", "bytes=0-99");
    expect([cardVideo.status, cardVideo.headers.get("content-type"), (await cardVideo.arrayBuffer()).byteLength]).toEqual([206, "video/mp4", 100]);
    expect((await cardMedia("cover.jpg")).status).toBe(404);
    expect((await ok<{ items: { id: string }[] }>(r.shareLinks.GET(getRequest(alice, `/api/exports/${second.id}/share-links`), ctx({ exportId: second.id })))).items.map((l) => l.id)).toEqual([shared.link.id]);
    await refused(r.shareLinks.POST(send(bob, "POST", `/api/exports/${second.id}/share-links`, {}), ctx({ exportId: second.id })), 404, "not_found");
    await ok(r.shareLink.DELETE(send(alice, "DELETE", `/api/share-links/${shared.link.id}`), ctx({ linkId: shared.link.id })));
    expect(await r.resolve.loadSharedFilm(s.db, shared.token)).toBeNull();
    expect((await cardMedia("poster.jpg")).status).toBe(404);
    const other = await ok<{ token: string }>(r.shareLinks.POST(send(alice, "POST", `/api/exports/${first.id}/share-links`, {}), ctx({ exportId: first.id })), 201);
    expect(await r.resolve.loadSharedFilm(s.db, other.token)).not.toBeNull();
    // A link past its expiry opens nothing either, as a revoked one.
    const expiring = await ok<{ link: { id: string }; token: string }>(r.shareLinks.POST(send(alice, "POST", `/api/exports/${second.id}/share-links`, { expiresInHours: 24 }), ctx({ exportId: second.id })), 201);
    expect(await r.resolve.loadSharedFilm(s.db, expiring.token)).not.toBeNull();
    await s.db.shareLink.update({ where: { id: expiring.link.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await r.resolve.loadSharedFilm(s.db, expiring.token)).toBeNull();
    expect((await r.sharedMedia.GET(getRequest(null, `/api/s/${expiring.token}/poster.jpg`), ctx({ token: expiring.token, file: "poster.jpg" }))).status).toBe(404);

    // Delete: gone from the list, its objects removed, the other version untouched; audited.
    await ok(r.exp.DELETE(send(alice, "DELETE", `/api/exports/${first.id}`), ctx({ exportId: first.id })));
    expect((await listExports(f.id)).map((e) => e.id)).toEqual([second.id]);
    expect(exportFiles(first.id)).toEqual([]);
    expect(exportFiles(second.id)).toEqual(["film.mp4", "poster.jpg"]);
    await refused(r.exp.GET(getRequest(alice, `/api/exports/${first.id}`), ctx({ exportId: first.id })), 404, "not_found");
    // Its share link opens nothing any more.
    expect(await r.resolve.loadSharedFilm(s.db, other.token)).toBeNull();
    const audit = await s.db.auditEvent.findMany({ where: { targetType: "export" }, select: { action: true, targetId: true } });
    expect(audit).toEqual(expect.arrayContaining([{ action: "export.create", targetId: first.id }, { action: "export.create", targetId: second.id }, { action: "export.delete", targetId: first.id }]));
    // Rendering is free: no ledger entry names an export.
    expect(await s.db.ledgerEntry.count({ where: { generationId: { in: [first.id, second.id] } } })).toBe(0);
  });

  it("refuses an export of a film with missing takes, naming the shots; the hand-off zip likewise, then lists its entries", { timeout: 60_000 }, async () => {
    const f = await film(1);
    const err = await refused(createExport(f.id), 409, "shot_no_usable_take");
    expect(err.messages.en).toContain("2, 3");
    expect(err.fields?.map((x) => x.path)).toEqual([`shots.${f.shots[1]}`, `shots.${f.shots[2]}`]);
    expect(await s.db.filmExport.count({ where: { filmId: f.id } })).toBe(0);
    const handErr = await refused(r.handoff.GET(getRequest(alice, `/api/films/${f.id}/handoff`), ctx({ filmId: f.id })), 409, "shot_no_usable_take");
    expect(handErr.messages.en).toContain("2, 3");
    await refused(createExport(f.id, { captions: "yes" }), 422, "validation_failed");

    const whole = await film();
    const res = await r.handoff.GET(getRequest(alice, `/api/films/${whole.id}/handoff`), ctx({ filmId: whole.id }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(encodeURIComponent(whole.title));
    const zip = path.join(s.dataDir, `handoff-${seq++}.zip`);
    fs.writeFileSync(zip, Buffer.from(await res.arrayBuffer()));
    const entries = spawnSync("unzip", ["-Z1", zip], { encoding: "utf8" }).stdout.trim().split("\n").sort();
    expect(entries).toEqual(["README.txt", ...["edl", "fcpxml", "otio", "srt"].map((e) => `${whole.title}.${e}`), "media/shot-01.mp4", "media/shot-02.mp4", "media/shot-03.mp4"].sort());
    const take = spawnSync("unzip", ["-p", zip, "media/shot-02.mp4"], { maxBuffer: 64 * 1024 * 1024 }).stdout as Buffer;
    expect(take.equals(fs.readFileSync(fixtureClip(CLIP)))).toBe(true);
  });

  it("cancels a queued export at once and a rendering one by killing its render; neither keeps an object", { timeout: 240_000 }, async () => {
    const f = await film(3, { trim: 48 });
    const queued = (await ok<{ export: FilmExportView }>(createExport(f.id, { captions: true }), 202)).export;
    const cancelled = (await ok<{ export: FilmExportView }>(r.cancel.POST(send(alice, "POST", `/api/exports/${queued.id}/cancel`), ctx({ exportId: queued.id })))).export;
    expect(cancelled).toMatchObject({ status: "CANCELLED", videoUrl: null, error: null });
    expect((await s.db.job.findFirstOrThrow({ where: { kind: "film-export", subjectId: queued.id } })).status).toBe("CANCELLED");
    await refused(r.cancel.POST(send(alice, "POST", `/api/exports/${queued.id}/cancel`), ctx({ exportId: queued.id })), 409, "export_not_cancellable");
    await refused(r.shareLinks.POST(send(alice, "POST", `/api/exports/${queued.id}/share-links`, {}), ctx({ exportId: queued.id })), 409, "share_not_ready");

    const running = (await ok<{ export: FilmExportView }>(createExport(f.id, { captions: true }), 202)).export;
    startInProcessWorker();
    await waitFor("the export to render", async () => (await s.db.filmExport.findUniqueOrThrow({ where: { id: running.id } })).status === "RENDERING", 60_000);
    const stopped = (await ok<{ export: FilmExportView }>(r.cancel.POST(send(alice, "POST", `/api/exports/${running.id}/cancel`), ctx({ exportId: running.id })))).export;
    expect(stopped.status).toBe("CANCELLED");
    const job = await waitFor("the render job to stop", jobEnded(running.id), 60_000);
    expect([job.status, job.errorCode]).toEqual(["FAILED", "cancelled"]);
    expect((await s.db.filmExport.findUniqueOrThrow({ where: { id: running.id } })).status).toBe("CANCELLED");
    expect(exportFiles(running.id)).toEqual([]);
    // Its scratch files go right after the job ended, and no encoder of this export is left running.
    const scratch = path.join(s.dataDir, "scratch");
    await waitFor("its scratch files to go", async () => !fs.existsSync(scratch) || fs.readdirSync(scratch).every((n) => !n.includes(running.id)), 10_000);
    await waitFor("its ffmpeg to be gone", async () => spawnSync("pgrep", ["-f", `export-${running.id}`]).stdout.toString().trim() === "", 10_000);
  });

  it.each([
    ["export.afterRender", [] as string[]],
    ["export.afterStore", ["film.mp4", "poster.jpg"]],
  ])("a worker killed at %s: never served half-done, READY once after the lease runs out", { timeout: 300_000 }, async (label, storedMeanwhile) => {
    const f = await film();
    const e = (await ok<{ export: FilmExportView }>(createExport(f.id), 202)).export;
    // No upstream is reached by this kind; the child needs an address anyway.
    const sim = { url: "http://127.0.0.1:9", baseUrl: "http://127.0.0.1:9/api/paas/v4", keys: ["sim-key.export"] } as unknown as RunningSimulator;
    const child = spawnWorker({ databaseUrl: s.t.url, dataDir: s.dataDir, sim, timeScale: 1, extraEnv: { CRASH_AT: label, AUTH_SECRET: "integration-secret-integration-secret-0123" } });
    // It kills itself at the crash point (the test's timeout bounds a child that never gets there).
    expect(await child.exited, child.output()).toBe("SIGKILL");
    // Whatever is in storage, the row is not READY: the API offers nothing to play.
    expect(exportFiles(e.id)).toEqual(storedMeanwhile);
    const during = await getExport(e.id);
    expect(during).toMatchObject({ status: "RENDERING", videoUrl: null, posterUrl: null, bytes: null });

    const again = spawnWorker({ databaseUrl: s.t.url, dataDir: s.dataDir, sim, timeScale: 1, extraEnv: { AUTH_SECRET: "integration-secret-integration-secret-0123" } });
    try {
      const row = await waitFor("the export to end after the restart", ended(e.id), 180_000);
      expect(row.status, again.output()).toBe("READY");
    } finally {
      await stopWorker(again);
    }
    const job = await s.db.job.findFirstOrThrow({ where: { kind: "film-export", subjectId: e.id } });
    expect(job.status).toBe("DONE");
    const view = await getExport(e.id);
    expect(probeFrames(path.join(mediaRoot(), "exports", e.id, "film.mp4")).frames).toBe(3 * TRIM - FADE);
    expect(view.bytes).toBe(fs.statSync(path.join(mediaRoot(), "exports", e.id, "film.mp4")).size);
    expect(fs.readdirSync(path.join(mediaRoot(), "exports", e.id)).filter((n) => n.includes("partial"))).toEqual([]);
  });
});
