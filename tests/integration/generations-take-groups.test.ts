import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerationPage, GenerationView } from "@/lib/shared/generation-view";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, submitRequest, type Studio, type StudioUser } from "./generations-api-support";

// Several takes of one submit share a group id (lib/server/generations/take-keys.ts): every view of a
// take carries it, GET /api/generations?takeGroup=<id> lists the group (the gallery detail's siblings),
// and the group never widens what an actor sees.
const TEXT = { mode: "text", prompt: "A kite over a winter beach", style: "general", aspectRatio: "9:16" };

describe.each(providers())("take groups on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user("alice@x.test");
  });
  afterAll(async () => s?.drop());

  const submit = (body: unknown, key: string, user = alice) => s.routes.generations.POST(submitRequest(user, body, key));
  const list = async (user: StudioUser, qs: string) => s.routes.generations.GET(getRequest(user, `/api/generations?${qs}`));

  it("the takes of one submit share one group id; a single take has none; a replay keeps the group", async () => {
    const out = await (await submit({ ...TEXT, takes: 3 }, "group-key-0001")).json();
    const group = out.takes.map((t: GenerationView) => t.takeGroupId);
    expect(group[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(group).size).toBe(1);

    const single = await (await submit({ ...TEXT, prompt: "Just one take" }, "group-key-0002")).json();
    expect(single.generation.takeGroupId).toBeNull();

    const again = await (await submit({ ...TEXT, takes: 3 }, "group-key-0001")).json();
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
    const bob = await s.user("bob@x.test");
    const foreign = (await (await list(bob, `takeGroup=${groupId}`)).json()) as GenerationPage;
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
