// PATCH / DELETE / bulk / export / remix through the real handlers on a real database and real local
// storage: annotations, deletion with media, the streamed zip, and that another user's clip is a 404.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerationView } from "@/lib/shared/generation-view";
import { jsonRequest } from "../support/route-env";
import { seedGenerations, type SeededClip } from "../support/seed-generations";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

async function gallery() {
  return {
    one: await import("@/app/api/generations/[id]/route"),
    bulk: await import("@/app/api/generations/bulk/route"),
    exportZip: await import("@/app/api/generations/export/route"),
    remix: await import("@/app/api/generations/[id]/remix/route"),
    tags: await import("@/app/api/generations/tags/route"),
    storage: (await import("@/lib/server/storage/instance")).storage,
  };
}

describe.each(providers())("gallery manage on %s", (kind) => {
  let s: Studio;
  let g: Awaited<ReturnType<typeof gallery>>;
  let alice: StudioUser;
  let bob: StudioUser;
  let clips: SeededClip[];
  const stored = (u: StudioUser) => clips.filter((c) => c.ownerId === u.id && c.status === "STORED");

  const req = (u: StudioUser, url: string, method: string, body?: unknown) => jsonRequest(url, method, body, { cookie: u.cookie });
  const patch = (u: StudioUser, id: string, body: unknown) => g.one.PATCH(req(u, `/api/generations/${id}`, "PATCH", body), ctx({ id }));
  const del = (u: StudioUser, id: string) => g.one.DELETE(req(u, `/api/generations/${id}`, "DELETE"), ctx({ id }));

  async function putMedia(id: string) {
    for (const file of ["video.mp4", "poster.jpg", "preview.mp4", "cover.jpg"]) {
      await g.storage().put(`clips/${id}/${file}`, Buffer.from(`${file} of ${id} `.repeat(50)), { contentType: "application/octet-stream" });
    }
  }

  beforeAll(async () => {
    s = await setupStudio(kind);
    g = await gallery();
    alice = await s.user(`alice-m-${kind}@example.test`);
    bob = await s.user(`bob-m-${kind}@example.test`);
    clips = (await seedGenerations(s.db, { users: [alice.id, bob.id], total: 40, seed: 3 })).clips;
    for (const c of clips.filter((c) => c.status === "STORED")) await putMedia(c.id);
  });
  afterAll(async () => s?.drop());

  it("PATCH sets favourite and tags, idempotently, and GET shows them", async () => {
    const c = stored(alice)[0]!;
    let r = await patch(alice, c.id, { favourite: true, tags: { add: ["  Campaign ", "客户B", "客户B"] } });
    expect(r.status).toBe(200);
    let v = (await r.json()) as GenerationView;
    expect(v.favourite).toBe(true);
    expect(v.tags).toEqual(expect.arrayContaining(["Campaign", "客户B"]));
    r = await patch(alice, c.id, { favourite: true, tags: { add: ["Campaign"], remove: ["客户B"] } });
    v = (await r.json()) as GenerationView;
    expect(v.tags).not.toContain("客户B");
    expect(v.tags).toContain("Campaign");
    const got = (await (await g.one.GET(getRequest(alice, `/api/generations/${c.id}`), ctx({ id: c.id }))).json()) as GenerationView;
    expect(got.favourite).toBe(true);
    expect(got.creator?.id).toBe(alice.id);
    r = await patch(alice, c.id, { favourite: false });
    expect(((await r.json()) as GenerationView).favourite).toBe(false);
    const tags = (await (await g.tags.GET(getRequest(alice, "/api/generations/tags"))).json()) as { tags: string[] };
    expect(tags.tags).toContain("Campaign");
  });

  it("PATCH answers bad bodies with specific 4xx errors", async () => {
    const id = stored(alice)[0]!.id;
    for (const body of [{}, { favourite: "yes" }, { tags: { add: [""] } }, { tags: { add: ["x".repeat(41)] } }, { color: "red" }, { tags: { add: Array(21).fill("a") } }]) {
      const r = await patch(alice, id, body);
      expect(r.status, JSON.stringify(body)).toBe(422);
    }
    const bad = await g.one.PATCH(req(alice, `/api/generations/${id}`, "PATCH", "{nope"), ctx({ id }));
    expect(bad.status).toBe(400);
  });

  it("another user's clip is a 404 for GET, PATCH, DELETE, remix and export, and bulk leaves it alone", async () => {
    const theirs = stored(bob)[0]!;
    expect((await g.one.GET(getRequest(alice, `/api/generations/${theirs.id}`), ctx({ id: theirs.id }))).status).toBe(404);
    expect((await patch(alice, theirs.id, { favourite: true })).status).toBe(404);
    expect((await del(alice, theirs.id)).status).toBe(404);
    expect((await g.remix.GET(getRequest(alice, `/api/generations/${theirs.id}/remix`), ctx({ id: theirs.id }))).status).toBe(404);
    expect((await g.exportZip.POST(req(alice, "/api/generations/export", "POST", { ids: [theirs.id] }))).status).toBe(404);
    const bulk = await g.bulk.POST(req(alice, "/api/generations/bulk", "POST", { action: "delete", ids: [theirs.id] }));
    expect(await bulk.json()).toEqual({ action: "delete", done: [], skipped: [], missing: 1 });
    const tag = await g.bulk.POST(req(alice, "/api/generations/bulk", "POST", { action: "tag", ids: [theirs.id], tags: { add: ["mine"] } }));
    expect(((await tag.json()) as { missing: number }).missing).toBe(1);
    expect(await s.db.generationTag.count({ where: { generationId: theirs.id, tag: { name: "mine" } } })).toBe(0);
    expect(await s.db.favourite.count({ where: { generationId: theirs.id, userId: alice.id } })).toBe(0);
    expect((await s.db.generation.findUnique({ where: { id: theirs.id } }))?.deletedAt).toBeNull();
    expect(fs.existsSync(path.join(s.dataDir, "media", "clips", theirs.id, "video.mp4"))).toBe(true);
  });

  it("DELETE removes the media files and the row from the list, keeps the ledger; a running clip is 409", async () => {
    const c = stored(alice)[1]!;
    await s.db.ledgerEntry.create({ data: { generationId: c.id, userId: alice.id, kind: "CHARGE", amountFen: 250 } });
    const dir = path.join(s.dataDir, "media", "clips", c.id);
    expect(fs.readdirSync(dir).length).toBe(4);
    const r = await del(alice, c.id);
    expect(r.status).toBe(200);
    expect(fs.existsSync(path.join(dir, "video.mp4"))).toBe(false);
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
    const list = (await (await s.routes.generations.GET(getRequest(alice, "/api/generations?limit=100"))).json()) as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).not.toContain(c.id);
    const media = await s.routes.media.GET(getRequest(alice, `/api/media/${c.id}/video.mp4`), ctx({ generationId: c.id, file: "video.mp4" }));
    expect(media.status).toBe(404);
    expect(await s.db.ledgerEntry.count({ where: { generationId: c.id } })).toBe(1);
    expect(await s.db.asset.count({ where: { generationId: c.id } })).toBe(0);
    expect((await del(alice, c.id)).status).toBe(404);
    const running = clips.find((x) => x.ownerId === alice.id && (x.status === "PROCESSING" || x.status === "QUEUED"));
    if (running) expect((await del(alice, running.id)).status).toBe(409);
  });

  it("bulk tag, favourite and delete act on the visible ids only", async () => {
    const [a, b] = stored(alice).slice(2, 4) as [SeededClip, SeededClip];
    const tag = await g.bulk.POST(req(alice, "/api/generations/bulk", "POST", { action: "tag", ids: [a.id, b.id, "nope"], tags: { add: ["bulk"] } }));
    expect(await tag.json()).toEqual({ action: "tag", done: [a.id, b.id], skipped: [], missing: 1 });
    expect(await s.db.generationTag.count({ where: { generationId: { in: [a.id, b.id] }, tag: { name: "bulk" } } })).toBe(2);
    const fav = await g.bulk.POST(req(alice, "/api/generations/bulk", "POST", { action: "favourite", ids: [a.id, b.id], favourite: true }));
    expect(fav.status).toBe(200);
    const d = await g.bulk.POST(req(alice, "/api/generations/bulk", "POST", { action: "delete", ids: [a.id, b.id] }));
    expect(((await d.json()) as { done: string[] }).done.sort()).toEqual([a.id, b.id].sort());
    for (const id of [a.id, b.id]) expect(fs.existsSync(path.join(s.dataDir, "media", "clips", id, "video.mp4"))).toBe(false);
    for (const body of [{ action: "delete", ids: [] }, { action: "explode", ids: [a.id] }, { action: "delete", ids: Array(101).fill(a.id) }]) {
      expect((await g.bulk.POST(req(alice, "/api/generations/bulk", "POST", body))).status, JSON.stringify(body)).toBe(422);
    }
  });

  it("export streams a zip of the selected videos with meaningful names (JSON and form posts)", async () => {
    const picked = stored(alice).slice(4, 7);
    const res = await g.exportZip.POST(req(alice, "/api/generations/export", "POST", { ids: [...picked.map((c) => c.id), stored(bob)[0]!.id] }));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="framehouse-\d{4}-\d{2}-\d{2}-clips\.zip"$/);
    const file = path.join(s.dataDir, "export.zip");
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const listing = spawnSync("unzip", ["-Z1", file], { encoding: "utf8" });
    expect(listing.status, listing.stderr).toBe(0);
    const names = listing.stdout.trim().split("\n");
    // The manifest first, then each video with its poster beside it; bob's clip is not there.
    expect(names).toHaveLength(2 + 3 * 2);
    expect(names.slice(0, 2)).toEqual(["manifest.json", "manifest.csv"]);
    const videos = names.filter((n) => n.endsWith(".mp4"));
    expect(videos).toHaveLength(3);
    for (const n of videos) expect(n).toMatch(/^framehouse-\d{4}-\d{2}-\d{2}-[\p{L}\p{N}-]+\.mp4$/u);
    for (const n of videos) expect(names).toContain(n.replace(/\.mp4$/, "-poster.jpg"));
    const first = spawnSync("unzip", ["-p", file, videos[0]!], { encoding: "utf8" });
    expect(first.stdout).toBe(`video.mp4 of ${picked[0]!.id} `.repeat(50));
    const poster = spawnSync("unzip", ["-p", file, videos[0]!.replace(/\.mp4$/, "-poster.jpg")], { encoding: "utf8" });
    expect(poster.stdout).toBe(`poster.jpg of ${picked[0]!.id} `.repeat(50));
    const manifest = JSON.parse(spawnSync("unzip", ["-p", file, "manifest.json"], { encoding: "utf8" }).stdout) as { clips: Record<string, unknown>[] };
    const rows = await s.db.generation.findMany({ where: { id: { in: picked.map((c) => c.id) } } });
    expect(manifest.clips.map((c) => c.id)).toEqual(picked.map((c) => c.id));
    for (const [i, c] of manifest.clips.entries()) {
      const row = rows.find((r) => r.id === c.id)!;
      expect(c).toMatchObject({ file: videos[i], prompt: row.prompt, model: row.model, costFen: row.costFen, durationMs: row.durationMs, createdAt: row.createdAt.toISOString() });
      expect(c.costYuan).toBe((row.costFen / 100).toFixed(2));
    }
    const csv = spawnSync("unzip", ["-p", file, "manifest.csv"], { encoding: "utf8" }).stdout;
    expect(csv.startsWith("\uFEFFfile,poster,id,prompt,")).toBe(true);
    expect(csv.trimEnd().split("\r\n")).toHaveLength(1 + 3);

    const form = new Request("http://localhost:3000/api/generations/export", {
      method: "POST",
      headers: { host: "localhost:3000", origin: "http://localhost:3000", cookie: alice.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(picked.slice(0, 2).map((c) => ["ids", c.id])).toString(),
    });
    const formRes = await g.exportZip.POST(form);
    expect(formRes.status).toBe(200);
    fs.writeFileSync(file, Buffer.from(await formRes.arrayBuffer()));
    expect(spawnSync("unzip", ["-Z1", file], { encoding: "utf8" }).stdout.trim().split("\n").filter((n) => n.endsWith(".mp4"))).toHaveLength(2);
    for (const body of [{}, { ids: [] }, { ids: "x" }]) {
      expect((await g.exportZip.POST(req(alice, "/api/generations/export", "POST", body))).status).toBe(422);
    }
  });

  it("remix returns the mode, prompt, parameters and inputs of a clip", async () => {
    const c = clips.find((x) => x.ownerId === alice.id && x.mode === "START_END")!;
    const r = await g.remix.GET(getRequest(alice, `/api/generations/${c.id}/remix`), ctx({ id: c.id }));
    const body = (await r.json()) as { mode: string; prompt: string; params: object; inputs: { uploadId: string; url: string }[] };
    expect(body.mode).toBe("start-end");
    expect(body.prompt).toBe(c.prompt);
    expect(body.params).toEqual({ movementAmplitude: "auto", withAudio: false });
    expect(body.inputs).toHaveLength(2);
    expect(body.inputs[0]?.url).toMatch(new RegExp(`^/api/media/signed/uploads/${body.inputs[0]?.uploadId}\\.\\w+\\?e=\\d+&a=u\\.${alice.id}&s=`));
  });
});
