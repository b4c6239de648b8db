// GET /api/generations with the gallery's filters, through the real handler on a real database:
// stable cursor pages while clips arrive, isolation between users, CJK + English search, filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerationView } from "@/lib/shared/generation-view";
import { normalizeForSearch } from "@/lib/server/generations/prompt-search";
import { providers } from "../support/test-db";
import { seedGenerations, type SeededClip } from "../support/seed-generations";
import { getRequest, setupStudio, type Studio, type StudioUser } from "./generations-api-support";

interface Page {
  items: GenerationView[];
  nextCursor: string | null;
}

describe.each(providers())("gallery list on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  let bob: StudioUser;
  let clips: SeededClip[];
  const now = new Date("2026-11-20T12:00:00.000Z");

  async function list(user: StudioUser, qs: string): Promise<{ status: number; body: Page & { error?: { code: string } } }> {
    const res = await s.routes.generations.GET(getRequest(user, `/api/generations?${qs}`));
    return { status: res.status, body: (await res.json()) as Page & { error?: { code: string } } };
  }

  async function all(user: StudioUser, qs: string, between?: (page: number) => Promise<void>): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 200; page++) {
      const r = await list(user, `${qs}&limit=7${cursor ? `&cursor=${cursor}` : ""}`);
      expect(r.status).toBe(200);
      ids.push(...r.body.items.map((i) => i.id));
      cursor = r.body.nextCursor;
      if (!cursor) return ids;
      await between?.(page);
    }
    throw new Error("too many pages");
  }

  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user(`alice-${kind}@example.test`);
    bob = await s.user(`bob-${kind}@example.test`);
    clips = (await seedGenerations(s.db, { users: [alice.id, bob.id], total: 120, now, seed: 7, spanDays: 30, tagRate: 0.4, favouriteRate: 0.3 })).clips;
    // Two prompts the search tests look for, one per language, owned by alice; one by bob.
    const [a1, a2, b1] = [clips.find((c) => c.ownerId === alice.id)!, clips.filter((c) => c.ownerId === alice.id)[1]!, clips.find((c) => c.ownerId === bob.id)!];
    for (const [c, prompt] of [
      [a1, "一只纸船在雨夜的霓虹街道上漂流"],
      [a2, "A Paper LANTERN floats over 100% calm water"],
      [b1, "纸船 secret of bob"],
    ] as const) {
      c.prompt = prompt;
      await s.db.generation.update({ where: { id: c.id }, data: { prompt, promptSearch: normalizeForSearch(prompt) } });
    }
  });
  afterAll(async () => s?.drop());

  const mine = () => clips.filter((c) => c.ownerId === alice.id);
  const newestFirst = (a: SeededClip, b: SeededClip) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0);

  it("pages never skip or repeat a clip while new clips arrive (newest first, with a filter)", async () => {
    const expected = mine().filter((c) => c.status === "STORED").sort(newestFirst).map((c) => c.id);
    const ids = await all(alice, "status=STORED", async (page) => {
      // New clips (stored, matching the filter) arrive between pages, for both users.
      await seedGenerations(s.db, { users: [alice.id, bob.id], total: 4, now: new Date(Date.now() + page), spanDays: 0.0001, seed: 100 + page });
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expected);
  });

  it("pages are stable oldest first too, and new clips only ever appear after the pages read", async () => {
    const before = (await s.db.generation.findMany({ where: { ownerId: alice.id, deletedAt: null, mode: "TEXT" }, select: { id: true } })).length;
    const ids = await all(alice, "sort=oldest&mode=text", async (page) => {
      await seedGenerations(s.db, { users: [alice.id], total: 3, now: new Date(Date.now() + 10_000 + page), spanDays: 0.0001, seed: 200 + page });
    });
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(before);
    const created = await s.db.generation.findMany({ where: { id: { in: ids } }, select: { id: true, createdAt: true } });
    const at = new Map(created.map((c) => [c.id, c.createdAt.getTime()]));
    for (let i = 1; i < ids.length; i++) expect(at.get(ids[i]!)!).toBeGreaterThanOrEqual(at.get(ids[i - 1]!)!);
  });

  it("another user's clips never appear, whatever the filter", async () => {
    const bobIds = new Set((await s.db.generation.findMany({ where: { ownerId: bob.id }, select: { id: true } })).map((g) => g.id));
    for (const qs of ["", "q=纸船", "favourite=true", "tag=campaign", `creator=${bob.id}`, "status=STORED,FAILED", "sort=oldest"]) {
      const ids = await all(alice, qs);
      expect(ids.filter((id) => bobIds.has(id))).toEqual([]);
    }
    expect((await list(alice, `creator=${bob.id}`)).body.items).toEqual([]);
  });

  it("search finds Chinese and English prompts, case-insensitively, as literal text", async () => {
    const zh = await list(alice, `q=${encodeURIComponent("纸船")}`);
    expect(zh.body.items.map((i) => i.prompt)).toContain("一只纸船在雨夜的霓虹街道上漂流");
    expect(zh.body.items.every((i) => i.prompt.includes("纸船"))).toBe(true);
    expect(zh.body.items.some((i) => i.prompt.includes("bob"))).toBe(false);
    for (const q of ["paper lantern", "PAPER lantern", "ｐａｐｅｒ", "100%"]) {
      const en = await list(alice, `q=${encodeURIComponent(q)}`);
      expect(en.body.items.map((i) => i.prompt), q).toContain("A Paper LANTERN floats over 100% calm water");
    }
    // % and _ are not wildcards.
    expect((await list(alice, `q=${encodeURIComponent("0%c")}`)).body.items).toEqual([]);
    expect((await list(alice, `q=${encodeURIComponent("_")}`)).body.items).toEqual([]);
  });

  it("filters combine (mode, status, favourite, tag, date range)", async () => {
    const from = "2026-11-01";
    const to = "2026-11-15";
    const lo = Date.parse("2026-11-01T00:00:00Z");
    const hi = Date.parse("2026-11-15T23:59:59.999Z");
    const base = mine().filter((c) => c.createdAt.getTime() >= lo && c.createdAt.getTime() <= hi);
    const cases: [string, (c: SeededClip) => boolean][] = [
      ["mode=text&status=STORED", (c) => c.mode === "TEXT" && c.status === "STORED"],
      ["favourite=true&status=STORED,FAILED,REJECTED", (c) => c.favourite && ["STORED", "FAILED", "REJECTED"].includes(c.status)],
      ["favourite=false&mode=image", (c) => !c.favourite && c.mode === "IMAGE"],
      ["tag=campaign&mode=text", (c) => c.tags.includes("campaign") && c.mode === "TEXT"],
      [`tag=${encodeURIComponent("客户A")}`, (c) => c.tags.includes("客户A")],
      [`creator=${alice.id}&mode=start-end`, (c) => c.mode === "START_END"],
    ];
    for (const [qs, pred] of cases) {
      const want = base.filter(pred).sort(newestFirst).map((c) => c.id);
      const got = await all(alice, `${qs}&from=${from}&to=${to}`);
      expect(got, qs).toEqual(want);
    }
    const oldest = await all(alice, `from=${from}&to=${to}&sort=oldest`);
    expect(oldest).toEqual(base.sort(newestFirst).map((c) => c.id).reverse());
  });

  it("items carry creator, favourite and tags", async () => {
    const fav = mine().find((c) => c.favourite && c.tags.length)!;
    const r = await list(alice, `q=&tag=${encodeURIComponent(fav.tags[0]!)}&favourite=true&limit=100&from=2026-10-01`);
    const item = r.body.items.find((i) => i.id === fav.id);
    expect(item?.favourite).toBe(true);
    expect(item?.tags).toEqual(fav.tags);
    expect(item?.creator).toEqual({ id: alice.id, name: "alice-" + kind });
  });

  it("answers bad parameters with 422 and the field, never 500", async () => {
    for (const [qs, path] of [
      ["limit=0", "limit"],
      ["limit=101", "limit"],
      ["limit=abc", "limit"],
      ["mode=video", "mode"],
      ["status=DONE", "status"],
      ["from=yesterday", "from"],
      ["to=2026-13-45", "to"],
      ["favourite=maybe", "favourite"],
      ["sort=random", "sort"],
      ["scope=team", "scope"],
      [`q=${"x".repeat(201)}`, "q"],
      [`tag=${"x".repeat(41)}`, "tag"],
      ["cursor=!!!", "cursor"],
      ["creator=../../x", "creator"],
    ] as const) {
      const r = await list(alice, qs);
      expect(r.status, qs).toBe(422);
      expect((r.body as unknown as { error: { fields: { path: string }[] } }).error.fields.some((f) => f.path === path || f.path.startsWith(`${path}.`)), qs).toBe(true);
    }
    expect((await list(alice, "limit=100")).status).toBe(200);
    expect((await list(alice, "limit=1&q=&mode=&status=")).status).toBe(200);
  });
});
