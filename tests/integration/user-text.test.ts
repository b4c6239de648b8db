// User text that is stored and shown (team names, display names, tags, prompts) goes through one rule
// (lib/shared/user-text.ts): NUL, C0/C1 controls, bidi overrides/isolates and lone surrogates are a
// coded, bilingual 422 naming the field; accepted text is NFC-normalized, stored and read back intact —
// on SQLite and PostgreSQL (when TEST_POSTGRES_URL is set).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GenerationView } from "@/lib/shared/generation-view";
import { jsonRequest } from "../support/route-env";
import { seedGenerations } from "../support/seed-generations";
import { providers } from "../support/test-db";
import { ctx, getRequest, setupStudio, submitRequest, type Studio, type StudioUser } from "./generations-api-support";

const BAD = {
  nul: "Acme\u0000Corp",
  c0: "Acme\u0007",
  c1: "Acme\u0085",
  del: "Acme\u007F",
  rlo: "invoice\u202Egpj.exe",
  lri: "\u2066Acme\u2069",
  loneHigh: "Acme\uD800",
  loneLow: "\uDC00Acme",
  newline: "Acme\nCorp",
  tab: "Acme\tCorp",
  lineSeparator: "Acme\u2028Corp",
  paragraphSeparator: "Acme\u2029Corp",
};
/** Line breaks a prompt keeps (as \n), refused in one-line text. */
const PROMPT_LINE_BREAKS = new Set(["tab", "newline", "lineSeparator", "paragraphSeparator"]);

describe.each(providers())("user text on %s", (kind) => {
  let s: Studio;
  let alice: StudioUser;
  let routes: {
    teams: typeof import("@/app/api/teams/route");
    team: typeof import("@/app/api/teams/[teamId]/route");
    signUp: typeof import("@/app/api/account/sign-up/route");
    one: typeof import("@/app/api/generations/[id]/route");
  };
  let clipId: string;

  beforeAll(async () => {
    s = await setupStudio(kind);
    alice = await s.user(`text-${kind}@example.test`);
    routes = {
      teams: await import("@/app/api/teams/route"),
      team: await import("@/app/api/teams/[teamId]/route"),
      signUp: await import("@/app/api/account/sign-up/route"),
      one: await import("@/app/api/generations/[id]/route"),
    };
    clipId = (await seedGenerations(s.db, { users: [alice.id], total: 1, seed: 5 })).clips[0]!.id;
  });
  afterAll(async () => s?.drop());

  const post = (url: string, body: unknown, cookie = alice.cookie) => jsonRequest(url, "POST", body, { cookie, origin: "http://localhost:3000", "accept-language": "zh-CN" });

  async function expectRefused(res: Response, field: string, label: string): Promise<void> {
    expect(res.status, label).toBe(422);
    const { error } = await res.json();
    expect(error.code, label).toBe("validation_failed");
    const issue = error.fields.find((f: { path: string }) => f.path === field);
    expect(issue?.key, label).toBe("errors.field.text_controls");
    expect(issue.messages["zh-CN"]).toMatch(/控制字符/);
    expect(issue.messages.en).toMatch(/control/);
  }

  it("team names: refused with a field error; NFC-normalized, stored and read back", async () => {
    for (const [what, name] of Object.entries(BAD)) await expectRefused(await routes.teams.POST(post("/api/teams", { name })), "name", what);
    const created = await routes.teams.POST(post("/api/teams", { name: "Cafe\u0301 北京 🙂" }));
    expect(created.status).toBe(201);
    const { id } = await created.json();
    expect((await s.db.team.findUniqueOrThrow({ where: { id } })).name).toBe("Café 北京 🙂");
    for (const [what, name] of Object.entries(BAD)) {
      const res = await routes.team.PATCH(jsonRequest(`/api/teams/${id}`, "PATCH", { name }, { cookie: alice.cookie, origin: "http://localhost:3000" }), ctx({ teamId: id }));
      await expectRefused(res, "name", `rename ${what}`);
    }
    expect((await s.db.team.findUniqueOrThrow({ where: { id } })).name).toBe("Café 北京 🙂");
  });

  it("display names at sign-up: refused with a field error; accepted names stored NFC", async () => {
    let n = 0;
    for (const [what, name] of Object.entries(BAD)) {
      const res = await routes.signUp.POST(post("/api/account/sign-up", { email: `bad-${kind}-${n++}@example.test`, password: "correct horse battery", name }, ""));
      await expectRefused(res, "name", what);
    }
    const ok = await routes.signUp.POST(post("/api/account/sign-up", { email: `ok-${kind}@example.test`, password: "correct horse battery", name: "Zoe\u0308 李" }, ""));
    expect(ok.status).toBe(201);
    expect((await s.db.user.findUniqueOrThrow({ where: { email: `ok-${kind}@example.test` } })).name).toBe("Zoë 李");
  });

  it("tags: refused with a field error", async () => {
    for (const [what, tag] of Object.entries(BAD)) {
      if (what === "tab" || what === "newline") continue; // whitespace in a tag folds to one space
      const res = await routes.one.PATCH(jsonRequest(`/api/generations/${clipId}`, "PATCH", { tags: { add: [tag] } }, { cookie: alice.cookie, origin: "http://localhost:3000" }), ctx({ id: clipId }));
      await expectRefused(res, "tags.add.0", what);
    }
  });

  it("prompts keep newlines and tabs (CRLF, U+2028 and U+2029 become LF) but refuse the rest", async () => {
    const text = { mode: "text", style: "general", aspectRatio: "16:9", movementAmplitude: "auto" };
    let k = 0;
    for (const [what, bad] of Object.entries(BAD)) {
      if (PROMPT_LINE_BREAKS.has(what)) continue;
      const res = await s.routes.generations.POST(submitRequest(alice, { ...text, prompt: `Fog ${bad}` }, `user-text-${kind}-${k++}`));
      await expectRefused(res, "prompt", what);
    }
    const res = await s.routes.generations.POST(submitRequest(alice, { ...text, prompt: "Line one\r\n\tLine two Cafe\u0301\u2028Line three\u2029Line four" }, `user-text-${kind}-ok`));
    expect(res.status).toBe(202);
    const { id } = await res.json();
    const view = (await (await s.routes.generation.GET(getRequest(alice, `/api/generations/${id}`), ctx({ id }))).json()) as GenerationView;
    expect(view.prompt).toBe("Line one\n\tLine two Café\nLine three\nLine four");
    expect((await s.db.generation.findUniqueOrThrow({ where: { id } })).prompt).toBe("Line one\n\tLine two Café\nLine three\nLine four");
  });
});
