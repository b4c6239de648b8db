// Studio drafts and prompt history through the real handlers: save and restore, the version check
// (an older tab is refused, the newer draft stays), "Clear draft", one draft per workspace and per
// user, chosen images restored only while usable here, coded bilingual errors, and the history made
// of the user's own distinct prompts in the workspace.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DraftState, DraftView, PromptHistoryView } from "@/lib/shared/studio-draft";
import { jsonRequest } from "../support/route-env";
import { providers } from "../support/test-db";
import { FIXTURES, setupStudio, type Studio, type StudioUser, submitRequest, uploadRequest } from "./generations-api-support";

function state(prompt: string, images: Partial<DraftState["images"]> = {}): DraftState {
  return {
    mode: images.image ? "image" : "text",
    text: { prompt, style: "anime", aspectRatio: "9:16", movementAmplitude: "small" },
    image: { prompt: "the camera pushes in", movementAmplitude: "large", withAudio: true },
    "start-end": { prompt: "", movementAmplitude: "auto", withAudio: false },
    takes: 3,
    images: { image: null, start: null, end: null, ...images },
  };
}

async function routes() {
  return { draft: await import("@/app/api/studio/draft/route"), prompts: await import("@/app/api/studio/prompts/route") };
}

describe.each(providers())("studio drafts on %s", (kind) => {
  let s: Studio;
  let r: Awaited<ReturnType<typeof routes>>;
  let alice: StudioUser, bob: StudioUser, viewer: StudioUser;
  let teamId: string;
  let n = 0;

  const q = (team: string | null) => (team ? `?team=${team}` : "");
  const get = (u: StudioUser, team: string | null = null) => r.draft.GET(jsonRequest(`/api/studio/draft${q(team)}`, "GET", undefined, { cookie: u.cookie }));
  const put = (u: StudioUser, body: unknown, team: string | null = null, headers: Record<string, string> = {}) =>
    r.draft.PUT(jsonRequest(`/api/studio/draft${q(team)}`, "PUT", body, { cookie: u.cookie, "accept-language": "zh-CN", ...headers }));
  const clear = (u: StudioUser, team: string | null = null) => r.draft.DELETE(jsonRequest(`/api/studio/draft${q(team)}`, "DELETE", undefined, { cookie: u.cookie }));
  const history = (u: StudioUser, team: string | null = null) => r.prompts.GET(jsonRequest(`/api/studio/prompts${q(team)}`, "GET", undefined, { cookie: u.cookie }));
  const read = async (u: StudioUser, team: string | null = null) => {
    const res = await get(u, team);
    expect(res.status).toBe(200);
    return (await res.json()) as DraftView;
  };
  const upload = async (u: StudioUser) => {
    const res = await s.routes.uploads.POST(uploadRequest(u, fs.readFileSync(path.join(FIXTURES, "images/landscape.png"))));
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const generate = async (u: StudioUser, prompt: string, team: string | null = null) => {
    const res = await s.routes.generations.POST(
      submitRequest(u, { mode: "text", prompt, style: "general", aspectRatio: "16:9", movementAmplitude: "auto", confirmRepeat: true }, `draft-${kind}-${n++}`),
    );
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as { id: string };
    if (team) await s.db.generation.update({ where: { id }, data: { teamId: team } });
    return id;
  };

  beforeAll(async () => {
    s = await setupStudio(kind);
    r = await routes();
    alice = await s.user(`draft-alice-${kind}@x.test`);
    bob = await s.user(`draft-bob-${kind}@x.test`);
    viewer = await s.user(`draft-viewer-${kind}@x.test`);
    const team = await s.db.team.create({
      data: { name: "Drafts", memberships: { create: [{ userId: alice.id, role: "MEMBER" }, { userId: bob.id, role: "OWNER" }, { userId: viewer.id, role: "VIEWER" }] } },
    });
    teamId = team.id;
  });
  afterAll(async () => s?.drop());

  it("saves and restores the whole form; no draft yet is version 0", async () => {
    expect(await read(alice)).toEqual({ version: 0, savedAt: null, state: null, images: {} });
    const res = await put(alice, { baseVersion: 0, state: state("Paper boat 纸船") });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as { version: number; savedAt: string };
    expect(saved.version).toBe(1);
    const restored = await read(alice);
    expect(restored).toMatchObject({ version: 1, savedAt: saved.savedAt, state: state("Paper boat 纸船"), images: {} });
  });

  it("an older tab is refused 409 draft_conflict and the newer draft stays; saving on the newest version works", async () => {
    const base = (await read(alice)).version;
    expect((await put(alice, { baseVersion: base, state: state("from tab A") })).status).toBe(200);
    const stale = await put(alice, { baseVersion: base, state: state("from tab B") });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error.code).toBe("draft_conflict");
    expect(body.error.messages.en).toMatch(/another tab/);
    expect(body.error.messages["zh-CN"]).toMatch(/标签页/);
    const now = await read(alice);
    expect(now.state?.text.prompt).toBe("from tab A");
    // A second "first save" (another device that saw no draft) is a conflict too, not an overwrite.
    expect((await put(alice, { baseVersion: 0, state: state("late first save") })).status).toBe(409);
    expect((await put(alice, { baseVersion: now.version, state: state("tab B, after reloading") })).status).toBe(200);
    expect((await read(alice)).state?.text.prompt).toBe("tab B, after reloading");
  });

  it("two saves on the same version at once: exactly one wins", async () => {
    const base = (await read(alice)).version;
    const results = await Promise.all([put(alice, { baseVersion: base, state: state("race 1") }), put(alice, { baseVersion: base, state: state("race 2") })]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409]);
    expect((await read(alice)).version).toBe(base + 1);
  });

  it("Clear draft empties it and raises the version, so a tab that saved before is told", async () => {
    const before = (await read(alice)).version;
    const res = await clear(alice);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { version: number }).version).toBe(before + 1);
    expect(await read(alice)).toMatchObject({ version: before + 1, state: null, images: {} });
    expect((await put(alice, { baseVersion: before, state: state("stale tab") })).status).toBe(409);
    expect((await put(alice, { baseVersion: before + 1, state: state("after clear") })).status).toBe(200);
    // Clearing a workspace that never had a draft is fine too.
    expect((await clear(bob)).status).toBe(200);
  });

  it("each workspace has its own draft, and each user their own", async () => {
    expect((await read(alice, teamId)).state).toBeNull();
    expect((await put(alice, { baseVersion: 0, state: state("team draft") }, teamId)).status).toBe(200);
    expect((await read(alice, teamId)).state?.text.prompt).toBe("team draft");
    expect((await read(alice)).state?.text.prompt).toBe("after clear");
    // Bob (owner of the same team) sees none of Alice's drafts, and his save does not touch hers.
    expect((await read(bob, teamId)).state).toBeNull();
    expect((await read(bob)).state).toBeNull();
    expect((await put(bob, { baseVersion: 0, state: state("bob's") }, teamId)).status).toBe(200);
    expect((await read(alice, teamId)).state?.text.prompt).toBe("team draft");
  });

  it("a viewer has no studio form: 403 team_role_forbidden; a team the user is not in: 404", async () => {
    const denied = await put(viewer, { baseVersion: 0, state: state("x") }, teamId);
    expect(denied.status).toBe(403);
    expect((await denied.json()).error.code).toBe("team_role_forbidden");
    expect((await get(viewer, teamId)).status).toBe(403);
    expect((await history(viewer, teamId)).status).toBe(403);
    const other = await s.db.team.create({ data: { name: "Not yours" } });
    expect((await get(alice, other.id)).status).toBe(404);
    expect((await put(alice, { baseVersion: 0, state: state("x") }, other.id)).status).toBe(404);
    // The viewer keeps their personal draft.
    expect((await put(viewer, { baseVersion: 0, state: state("mine") })).status).toBe(200);
  });

  it("chosen images come back while usable here; deleted, foreign or another team's images are reported missing", async () => {
    const mine = await upload(alice);
    const gone = await upload(alice);
    const bobs = await upload(bob);
    const otherTeam = await s.db.team.create({ data: { name: "Other", memberships: { create: { userId: alice.id, role: "MEMBER" } } } });
    const framed = await upload(alice);
    await s.db.upload.update({ where: { id: framed }, data: { teamId: otherTeam.id } });
    await s.db.upload.update({ where: { id: gone }, data: { status: "DELETING" } });
    const base = (await read(alice)).version;
    const images = { image: mine, start: gone, end: bobs };
    expect((await put(alice, { baseVersion: base, state: { ...state("with images"), images } })).status).toBe(200);
    const v = await read(alice);
    expect(v.state?.images).toEqual(images);
    expect(v.images.image).toMatchObject({ status: "ok", upload: { id: mine, width: expect.any(Number), height: expect.any(Number) } });
    expect(v.images.image?.status === "ok" && v.images.image.upload.url).toBeTruthy();
    expect(v.images.start).toEqual({ status: "missing" });
    expect(v.images.end).toEqual({ status: "missing" });
    // An image of another team is not this workspace's, even for one of its members.
    expect((await put(alice, { baseVersion: v.version, state: { ...state("x"), images: { image: framed, start: null, end: null } } })).status).toBe(200);
    expect((await read(alice)).images.image).toEqual({ status: "missing" });
  });

  it("refuses bad input with coded field errors; the body cap is the route's", async () => {
    const base = (await read(alice)).version;
    const long = await put(alice, { baseVersion: base, state: state("字".repeat(513)) });
    expect(long.status).toBe(422);
    const body = await long.json();
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields).toContainEqual(expect.objectContaining({ path: "state.text.prompt", key: "studio.error.promptTooLong" }));
    expect((await put(alice, { baseVersion: base, state: state("字".repeat(512)) })).status).toBe(200);
    const bad = [
      { baseVersion: -1, state: state("x") },
      { baseVersion: base + 1, state: { ...state("x"), mode: "video" } },
      { baseVersion: base + 1, state: { ...state("x"), takes: 5 } },
      { baseVersion: base + 1, state: { ...state("x"), images: { image: "../etc/passwd", start: null, end: null } } },
      { baseVersion: base + 1, state: { ...state("x"), extra: true } },
      { baseVersion: base + 1, state: state("bidi \u202e trick") },
      { baseVersion: base + 1 },
    ];
    for (const b of bad) expect((await put(alice, b)).status).toBe(422);
    expect((await put(alice, "{not json")).status).toBe(400);
    const huge = await put(alice, { baseVersion: base + 1, state: state("x"), pad: "x".repeat(20_000) });
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("payload_too_large");
    expect((await read(alice)).version).toBe(base + 1);
  });

  it("prompt history: the user's own last distinct prompts in this workspace, newest first", async () => {
    await generate(alice, "Prompt one");
    await generate(alice, "Prompt two");
    await generate(alice, "Prompt one");
    await generate(alice, "Team prompt", teamId);
    await generate(bob, "Bob's prompt");
    const deleted = await generate(alice, "Deleted prompt");
    await s.db.generation.update({ where: { id: deleted }, data: { deletedAt: new Date() } });
    const res = await history(alice);
    expect(res.status).toBe(200);
    const { prompts } = (await res.json()) as PromptHistoryView;
    expect(prompts.map((p) => p.prompt)).toEqual(["Prompt one", "Prompt two"]);
    const team = (await (await history(alice, teamId)).json()) as PromptHistoryView;
    expect(team.prompts.map((p) => p.prompt)).toEqual(["Team prompt"]);
    expect(((await (await history(bob, teamId)).json()) as PromptHistoryView).prompts).toEqual([]);
    for (let i = 0; i < 25; i++) await generate(alice, `Many ${i}`);
    const many = (await (await history(alice)).json()) as PromptHistoryView;
    expect(many.prompts).toHaveLength(20);
    expect(many.prompts[0]!.prompt).toBe("Many 24");
  });
});
