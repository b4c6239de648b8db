import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providers } from "../support/test-db";
import { setupStudio, submitRequest, type Studio, type StudioUser } from "./generations-api-support";

// "Spending only on purpose" (lib/server/generations/repeat-guard.ts): the same submission under a new
// Idempotency-Key within the repeat window is refused with 409 repeat_submission (bilingual, with the
// price) unless the body confirms it; the key's own replay is untouched.
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
});
