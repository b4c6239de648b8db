import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DERIVATIVES_JOB, enqueueDerivativesJob } from "@/lib/server/generations/derivatives/derivatives-job";
import type { GenerationView } from "@/lib/shared/generation-view";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, submitRequest, type Studio, type StudioUser } from "./generations-api-support";

// Cursor pagination under concurrent inserts, and the SSE channels (DB-polled, so any process's writes show).
describe.each(providers())("list and live events on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  let bob: StudioUser;
  let seq = 0;

  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user("alice@x.test");
    bob = await s.user("bob@x.test");
  });
  afterAll(async () => s?.drop());

  async function submit(user: StudioUser, prompt = `clip ${seq}`): Promise<string> {
    const res = await s.routes.generations.POST(submitRequest(user, { mode: "text", prompt }, `list-key-${seq++}-abcdef`));
    expect(res.status).toBe(202);
    return (await res.json()).id;
  }

  async function page(user: StudioUser, query: string): Promise<{ status: number; items: GenerationView[]; nextCursor: string | null }> {
    const res = await s.routes.generations.GET(getRequest(user, `/api/generations${query}`));
    const body = await res.json();
    return { status: res.status, items: body.items ?? [], nextCursor: body.nextCursor ?? null };
  }

  it("pages newest first with a stable cursor: no skips, no repeats while new clips arrive; others' and deleted clips excluded", async () => {
    const initial: string[] = [];
    for (let i = 0; i < 23; i++) initial.push(await submit(alice));
    await submit(bob);
    const deleted = await submit(alice);
    await s.db.generation.update({ where: { id: deleted }, data: { deletedAt: new Date() } });

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p = await page(alice, `?limit=5${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      expect(p.status).toBe(200);
      seen.push(...p.items.map((v) => v.id));
      cursor = p.nextCursor;
      // New clips keep arriving between pages; they sort before the cursor and never disturb it.
      await submit(alice);
      pages++;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...initial].reverse());
    expect(seen).not.toContain(deleted);

    const first = await page(alice, "");
    expect(first.items).toHaveLength(20);
    const times = first.items.map((v) => Date.parse(v.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("validates limit and cursor (422, never 500)", async () => {
    for (const q of ["?limit=0", "?limit=101", "?limit=abc", "?cursor=%%%", "?cursor=bm90LWEtY3Vyc29y"]) {
      const p = await page(alice, q);
      expect(p.status, q).toBe(422);
    }
    expect((await page(alice, "?limit=100")).status).toBe(200);
  });

  /** Reads SSE frames until `until` returns true or the time limit passes. */
  async function readEvents(res: Response, until: (events: GenerationView[], raw: string) => boolean, ms = 4000) {
    const reader = res.body?.getReader();
    if (!reader) throw new Error("no body");
    const decoder = new TextDecoder();
    let raw = "";
    const events: GenerationView[] = [];
    const deadline = Date.now() + ms;
    let ended = false;
    while (Date.now() < deadline && !until(events, raw)) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), deadline - Date.now()))]);
      if (chunk === null) break;
      if (chunk.done) {
        ended = true;
        break;
      }
      raw += decoder.decode(chunk.value, { stream: true });
      events.length = 0;
      for (const frame of raw.split("\n\n")) {
        const data = frame.split("\n").find((l) => l.startsWith("data: "));
        if (frame.includes("event: generation") && data) events.push(JSON.parse(data.slice(6)));
      }
    }
    return { events, raw, ended, reader };
  }

  it("GET /api/generations/events delivers a row change within 2 s and only the actor's clips", async () => {
    const id = await submit(alice, "watch me");
    const bobsId = await submit(bob, "not yours");
    const abort = new AbortController();
    const res = await s.routes.events.GET(getRequest(alice, "/api/generations/events", {}, { signal: abort.signal }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-accel-buffering")).toBe("no");
    // Let the stream pass its first poll, then change the row as the worker would.
    await new Promise((r) => setTimeout(r, 1200));
    const changedAt = Date.now();
    await s.db.generation.update({ where: { id }, data: { status: "PROCESSING", acceptedAt: new Date(), submittedAt: new Date() } });
    await s.db.generation.update({ where: { id: bobsId }, data: { status: "PROCESSING" } });
    const { events, raw, reader } = await readEvents(res, (ev) => ev.some((v) => v.id === id && v.status === "PROCESSING"));
    const hit = events.find((v) => v.id === id && v.status === "PROCESSING");
    expect(hit, raw).toBeTruthy();
    expect(Date.now() - changedAt).toBeLessThan(2000);
    expect(raw.startsWith("retry: 2000\n\n")).toBe(true);
    expect(raw).toMatch(/\nid: \d+\nevent: generation\ndata: /);
    expect(events.some((v) => v.id === bobsId)).toBe(false);
    expect(hit?.progress).toBeGreaterThanOrEqual(0.05);
    abort.abort();
    await reader.cancel().catch(() => undefined);
  });

  it("GET /api/generations/:id/events sends the current state, each change, and closes after a terminal status", async () => {
    const id = await submit(alice, "one clip");
    const res = await s.routes.clipEvents.GET(getRequest(alice, `/api/generations/${id}/events`), ctx({ id }));
    expect(res.status).toBe(200);
    const first = await readEvents(res, (ev) => ev.length >= 1);
    expect(first.events[0]).toMatchObject({ id, status: "QUEUED" });
    await s.db.generation.update({ where: { id }, data: { status: "REJECTED", errorCode: "unsafe_content", finishedAt: new Date() } });
    let raw = first.raw;
    const decoder = new TextDecoder();
    let ended = false;
    const deadline = Date.now() + 4000;
    while (Date.now() < deadline) {
      const chunk = await first.reader.read();
      if (chunk.done) {
        ended = true;
        break;
      }
      raw += decoder.decode(chunk.value);
    }
    expect(ended).toBe(true);
    expect(raw).toContain('"status":"REJECTED"');
    expect(raw).toContain("unsafe");
    // A reconnect whose Last-Event-ID covers the terminal state gets 204 (EventSource stops).
    const lastId = [...raw.matchAll(/^id: (\d+)$/gm)].pop()?.[1] ?? "";
    const again = await s.routes.clipEvents.GET(getRequest(alice, `/api/generations/${id}/events`, { "last-event-id": lastId }), ctx({ id }));
    expect(again.status).toBe(204);
    // Another user's clip: 404 before any stream is opened.
    expect((await s.routes.clipEvents.GET(getRequest(bob, `/api/generations/${id}/events`), ctx({ id }))).status).toBe(404);
  });

  it("GET /api/generations/:id/events stays open for a STORED clip whose poster is pending and closes after the poster's arrival", async () => {
    const id = await submit(alice, "poster later");
    // STORED with its video only, its clip-derivatives job queued: the state the download step commits.
    await s.db.$transaction(async (tx) => {
      await tx.generation.update({ where: { id }, data: { status: "STORED", finishedAt: new Date(), durationMs: 5000, width: 1920, height: 1080 } });
      await tx.asset.create({ data: { generationId: id, kind: "VIDEO", storageKey: `clips/${id}/video.mp4`, mime: "video/mp4", bytes: 1, sha256: "v" } });
      await enqueueDerivativesJob(tx, id);
    });
    const res = await s.routes.clipEvents.GET(getRequest(alice, `/api/generations/${id}/events`), ctx({ id }));
    const first = await readEvents(res, (ev) => ev.length >= 1);
    expect(first.events[0]).toMatchObject({ id, status: "STORED", derivatives: "pending" });
    // A reconnect now is not told to stop: the poster is still to come.
    const lastId = [...first.raw.matchAll(/^id: (\d+)$/gm)].pop()?.[1] ?? "";
    const again = await s.routes.clipEvents.GET(getRequest(alice, `/api/generations/${id}/events`, { "last-event-id": lastId }), ctx({ id }));
    expect(again.status).toBe(200);
    await again.body?.cancel();
    // What the job's two steps commit: the poster and the preview, each moving the take's updatedAt.
    await s.db.$transaction(async (tx) => {
      for (const [kind, file] of [["POSTER", "poster.jpg"], ["PREVIEW", "preview.mp4"]] as const) {
        await tx.asset.create({ data: { generationId: id, kind, storageKey: `clips/${id}/${file}`, mime: "image/jpeg", bytes: 1, sha256: kind } });
      }
      await tx.job.updateMany({ where: { kind: DERIVATIVES_JOB, subjectId: id }, data: { status: "DONE", finishedAt: new Date() } });
      await tx.generation.update({ where: { id }, data: { updatedAt: new Date(Date.now() + 5) } });
    });
    let raw = first.raw;
    const decoder = new TextDecoder();
    let ended = false;
    const deadline = Date.now() + 8000;
    while (Date.now() < deadline) {
      const chunk = await first.reader.read();
      if (chunk.done) {
        ended = true;
        break;
      }
      raw += decoder.decode(chunk.value);
    }
    expect(ended).toBe(true);
    expect(raw).toContain('"derivatives":"ready"');
    expect(raw).toContain(`/api/media/signed/clips/${id}/poster.jpg?`);
  });

  it("stops on client abort", async () => {
    const abort = new AbortController();
    const res = await s.routes.events.GET(getRequest(alice, "/api/generations/events", {}, { signal: abort.signal }));
    const reader = res.body?.getReader();
    await reader?.read(); // retry line
    abort.abort();
    const deadline = Date.now() + 3000;
    let done = false;
    while (!done && Date.now() < deadline) done = (await reader?.read())?.done ?? true;
    expect(done).toBe(true);
  });
});
