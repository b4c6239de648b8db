import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerationPage, GenerationView } from "@/lib/shared/generation-view";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, submitRequest, type Studio, type StudioUser } from "./generations-api-support";

// "Spending only on purpose" (lib/server/generations/repeat-guard.ts): the same submission under a new
// Idempotency-Key within the repeat window is refused with 409 repeat_submission (bilingual, with the
// price) unless the body confirms it; the key's own replay is untouched. Several takes of one request
// share a group id (lib/server/generations/take-keys.ts): every view of a take carries it, GET
// /api/generations?takeGroup=<id> lists the group (the gallery detail's siblings), and the group never
// widens what an actor sees.
const TEXT = { mode: "text", prompt: "A paper boat on a rain gutter", style: "general", aspectRatio: "16:9" };

describe.each(providers())("repeat submissions on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user("alice@x.test");
  });
  afterAll(async () => s?.drop());

  const submit = (body: unknown, key: string, user = alice) => s.routes.generations.POST(submitRequest(user, body, key));
  const holdsOf = (ownerId: string) => s.db.ledgerEntry.count({ where: { userId: ownerId, kind: "HOLD" } });
  const list = async (user: StudioUser, qs: string) => s.routes.generations.GET(getRequest(user, `/api/generations?${qs}`));

  it("asks before a second identical submit under a new key; confirmRepeat makes the take; replay of the first key still answers", async () => {
    const first = await submit(TEXT, "repeat-key-0001");
    expect(first.status).toBe(202);
    const firstId = (await first.json()).id as string;

    const second = await submit({ ...TEXT, prompt: `  ${TEXT.prompt} ` }, "repeat-key-0002"); // normalizes to the same submission
    expect(second.status).toBe(409);
    const { error } = await second.json();
    expect(error.code).toBe("repeat_submission");
    expect(error.messages.en).toContain("¥2.50");
    expect(error.messages["zh-CN"]).toContain("¥2.50");
    expect(await s.db.generation.count({ where: { ownerId: alice.id } })).toBe(1);
    expect(await holdsOf(alice.id)).toBe(1);

    // The first key's retry is a replay, never a repeat.
    const replay = await submit(TEXT, "repeat-key-0001");
    expect(replay.status).toBe(202);
    expect((await replay.json()).id).toBe(firstId);

    // A changed submission is a new intent; the confirmed repeat is another take.
    expect((await submit({ ...TEXT, style: "anime" }, "repeat-key-0003")).status).toBe(202);
    const confirmed = await submit({ ...TEXT, confirmRepeat: true }, "repeat-key-0002");
    expect(confirmed.status).toBe(202);
    expect(await s.db.generation.count({ where: { ownerId: alice.id } })).toBe(3);
    expect(await holdsOf(alice.id)).toBe(3);
    // Another user's identical submission is theirs, not a repeat.
    const bob = await s.user("bob@x.test");
    expect((await submit(TEXT, "repeat-key-0004", bob)).status).toBe(202);
  });

  it("concurrent identical submits under different keys (two tabs, a script): exactly one take", async () => {
    const carol = await s.user("carol@x.test");
    const body = { ...TEXT, prompt: "Two tabs, one intent" };
    const responses = await Promise.all(Array.from({ length: 8 }, (_, i) => submit(body, `race-repeat-${i}-key`, carol)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([202, 409, 409, 409, 409, 409, 409, 409]);
    expect(await s.db.generation.count({ where: { ownerId: carol.id } })).toBe(1);
    expect(await holdsOf(carol.id)).toBe(1);
  });

  it("takes: n makes n clips, each with its own hold and a key derived from the request's; the same request replays them all", async () => {
    const erin = await s.user("erin@x.test");
    const body = { ...TEXT, prompt: "Three takes of a lighthouse", takes: 3 };
    const res = await submit(body, "takes-key-0001", erin);
    expect(res.status).toBe(202);
    const out = await res.json();
    expect(out.takes).toHaveLength(3);
    expect(out.stopped).toBeNull();
    expect(out.id).toBe(out.takes[0].id);
    const rows = await s.db.generation.findMany({ where: { ownerId: erin.id }, select: { id: true, idemKey: true }, orderBy: { idemKey: "asc" } });
    expect(rows.map((r) => r.idemKey)).toEqual(["takes-key-0001.0", "takes-key-0001.1", "takes-key-0001.2"]);
    expect(await holdsOf(erin.id)).toBe(3);
    // The same request again (a retry after a lost answer): the same three, nothing new.
    const again = await (await submit(body, "takes-key-0001", erin)).json();
    expect(again.takes.map((t: { id: string }) => t.id)).toEqual(out.takes.map((t: { id: string }) => t.id));
    expect(await holdsOf(erin.id)).toBe(3);
    // The same submission under a new key is a repeat of the first take; confirmed, more takes.
    expect((await submit(body, "takes-key-0002", erin)).status).toBe(409);
    expect((await submit({ ...body, takes: 2, confirmRepeat: true }, "takes-key-0002", erin)).status).toBe(202);
    expect(await holdsOf(erin.id)).toBe(5);
    for (const takes of [0, 5, 1.5, "2"]) {
      const bad = await submit({ ...body, prompt: "bad count", takes }, `takes-bad-${String(takes).replace(".", "_")}-key`, erin);
      expect(bad.status, String(takes)).toBe(422);
      expect((await bad.json()).error.fields[0].path).toBe("takes");
    }
  });

  it("a budget that runs out part-way: the takes made stay made, the answer says how many were refused", async () => {
    const fay = await s.user("fay@x.test");
    const team = await s.db.team.create({ data: { name: "Takes team", memberships: { create: { userId: fay.id, role: "OWNER" } } } });
    await s.db.budget.create({ data: { scope: "MEMBER_MONTHLY", teamId: team.id, userId: fay.id, limitFen: 500 } }); // two clips at 250
    const req = submitRequest(fay, { ...TEXT, prompt: "Four takes, room for two", takes: 4 }, "takes-budget-0001");
    const res = await s.routes.generations.POST(new Request(`http://localhost:3000/api/generations?team=${team.id}`, req));
    expect(res.status).toBe(202);
    const out = await res.json();
    expect(out.takes).toHaveLength(2);
    expect(out.stopped).toEqual({ code: "budget_member_monthly", missing: 2 });
    expect(await holdsOf(fay.id)).toBe(2);
  });

  it("after the window the same submission is queued without asking", async () => {
    const dave = await s.user("dave@x.test");
    const body = { ...TEXT, prompt: "Later on" };
    const first = await submit(body, "window-key-0001", dave);
    expect(first.status).toBe(202);
    // Age the earlier take past the window instead of waiting for it.
    await s.db.generation.updateMany({ where: { ownerId: dave.id }, data: { createdAt: new Date(Date.now() - 11_000) } });
    expect((await submit(body, "window-key-0002", dave)).status).toBe(202);
    expect((await submit({ mode: "text", prompt: "x", confirmRepeat: "yes" }, "window-key-0003", dave)).status).toBe(422);
  });

  it("the takes of one submit share one group id; a single take has none; a replay keeps the group", async () => {
    const out = await (await submit({ ...TEXT, prompt: "A kite over a winter beach", takes: 3 }, "group-key-0001")).json();
    const group = out.takes.map((t: GenerationView) => t.takeGroupId);
    expect(group[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(group).size).toBe(1);

    const single = await (await submit({ ...TEXT, prompt: "Just one take" }, "group-key-0002")).json();
    expect(single.generation.takeGroupId).toBeNull();

    const again = await (await submit({ ...TEXT, prompt: "A kite over a winter beach", takes: 3 }, "group-key-0001")).json();
    expect(again.takes.map((t: GenerationView) => t.takeGroupId)).toEqual(group);

    // The detail route carries it too.
    const detail = (await (await s.routes.generation.GET(getRequest(alice, `/api/generations/${out.id}`), ctx({ id: out.id }))).json()) as GenerationView;
    expect(detail.takeGroupId).toBe(group[0]);
  });

  it("?takeGroup lists the group's takes (oldest first on request), only for who may see them; a bad id is a 422", async () => {
    const out = await (await submit({ ...TEXT, prompt: "Siblings in a list", takes: 3 }, "group-key-0003")).json();
    const ids = out.takes.map((t: GenerationView) => t.id);
    const groupId = out.generation.takeGroupId as string;

    const res = await list(alice, `takeGroup=${groupId}&sort=oldest`);
    expect(res.status).toBe(200);
    const page = (await res.json()) as GenerationPage;
    expect(page.items.map((v) => v.id)).toEqual(ids);
    expect(page.items.every((v) => v.takeGroupId === groupId)).toBe(true);

    // Another user asking for the group sees nothing of it.
    const gus = await s.user("gus@x.test");
    const foreign = (await (await list(gus, `takeGroup=${groupId}`)).json()) as GenerationPage;
    expect(foreign.items).toEqual([]);

    // A deleted take leaves the group.
    // (A running take cannot be deleted through the API: mark it as the delete route would.)
    await s.db.generation.update({ where: { id: ids[1] }, data: { deletedAt: new Date() } });
    const after = (await (await list(alice, `takeGroup=${groupId}&sort=oldest`)).json()) as GenerationPage;
    expect(after.items.map((v) => v.id)).toEqual([ids[0], ids[2]]);

    const bad = await list(alice, "takeGroup=not%20an%20id");
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields[0].path).toBe("takeGroup");
  });
});
