import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, PASSWORD, signInViaUi, STORAGE_STATE, uniqueEmail } from "./helpers";
import { generate, openStudio, STORED_TIMEOUT, uniquePrompt } from "./studio-helpers";

// Issue 6 end to end, in separate browser contexts (separate people): the owner makes a team and
// invites by link; a member joins, switches the workspace and generates into the team; a viewer joins
// and can watch but neither generate nor delete; a share link opens in a fresh context without
// sign-in; revoking it makes it 404 at once; an exhausted team budget refuses the next clip with a
// message naming the budget, and no clip is queued (so nothing can reach the upstream).
test.describe.configure({ mode: "serial" });

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const TEAM = `Crew ${run}`;
let teamId = "";
let clipId = "";
let shareUrl = "";
const member = { email: uniqueEmail("member"), ctx: null as BrowserContext | null };
const viewer = { email: uniqueEmail("viewer"), ctx: null as BrowserContext | null };

async function ownerPage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ storageState: STORAGE_STATE });
  return ctx.newPage();
}

/** The owner creates a link invite with `role` on the team page and returns its URL. */
async function inviteLink(page: Page, role: "Member" | "Viewer"): Promise<string> {
  await page.goto(`/teams/${teamId}`);
  const form = page.getByRole("form", { name: "Invitation link" });
  await form.getByLabel("Role").selectOption({ label: role });
  await form.getByRole("button", { name: "Create link" }).click();
  const url = await form.getByLabel("New invitation link").inputValue();
  expect(url).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
  return url;
}

/** A new person signs up, signs in, opens the invite link and joins. */
async function join(browser: Browser, who: { email: string; ctx: BrowserContext | null }, url: string): Promise<Page> {
  who.ctx = await browser.newContext();
  const page = await who.ctx.newPage();
  const res = await page.request.post("/api/account/sign-up", { data: { email: who.email, password: PASSWORD } });
  expect(res.status(), await res.text()).toBe(201);
  await signInViaUi(page, who.email);
  await page.waitForURL((u) => u.pathname === "/");
  await page.goto(new URL(url).pathname);
  await expect(page.getByText(TEAM)).toBeVisible();
  await page.getByRole("button", { name: "Accept and join" }).click();
  await page.waitForURL((u) => u.pathname === `/teams/${teamId}`);
  return page;
}

async function switchTo(page: Page, name: string) {
  await page.getByTestId("workspace-switcher").selectOption({ label: name });
  await expect(page.getByTestId("workspace-notice")).toContainText(name);
}

test.afterAll(async () => {
  await member.ctx?.close();
  await viewer.ctx?.close();
});

test("owner creates a team and a member joins by link and generates into it", async ({ browser }) => {
  test.setTimeout(STORED_TIMEOUT + 60_000);
  const owner = await ownerPage(browser);
  await owner.goto("/teams");
  await owner.getByLabel("Team name").fill(TEAM);
  await owner.getByRole("button", { name: "Create team" }).click();
  await owner.waitForURL(/\/teams\/[A-Za-z0-9_-]+$/);
  teamId = new URL(owner.url()).pathname.split("/").pop() ?? "";
  await expectNoSeriousA11yViolations(owner);

  const page = await join(browser, member, await inviteLink(owner, "Member"));
  await expect(page.getByTestId("member-list")).toContainText(member.email);
  await openStudio(page);
  await switchTo(page, TEAM);
  await page.getByRole("textbox", { name: /Prompt|提示词/ }).first().fill(uniquePrompt("team clip"));
  clipId = await generate(page);
  await expect(page.locator(`[data-testid="clip"][data-id="${clipId}"]`)).toHaveAttribute("data-status", "STORED", { timeout: STORED_TIMEOUT });

  // The owner sees it in the team gallery; it is not in anyone's personal gallery.
  await owner.goto("/gallery");
  await switchTo(owner, TEAM);
  await expect(owner.locator(`[data-testid="gallery-card"][data-id="${clipId}"]`)).toBeVisible();
  await expectNoSeriousA11yViolations(owner);
  await owner.screenshot({ path: "test-results/screenshots/team-gallery.png", fullPage: true });
  await owner.getByTestId("workspace-switcher").selectOption({ label: "Personal" });
  await expect(owner.getByTestId("workspace-notice")).toHaveCount(0);
  await expect(owner.locator(`[data-testid="gallery-card"][data-id="${clipId}"]`)).toHaveCount(0);
  await owner.context().close();
});

test("a viewer watches the team's clip but can neither generate nor delete it", async ({ browser }) => {
  const owner = await ownerPage(browser);
  const url = await inviteLink(owner, "Viewer");
  await owner.context().close();
  // A newcomer without an account: the link's landing (team, role) → create an account → back on the link → join.
  viewer.ctx = await browser.newContext();
  const page = await viewer.ctx.newPage();
  await page.goto(new URL(url).pathname);
  await expect(page.getByTestId("join-landing-body")).toContainText(`${TEAM} as Viewer`);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Email").fill(viewer.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((u) => u.pathname === new URL(url).pathname);
  await page.getByRole("button", { name: "Accept and join" }).click();
  await page.waitForURL((u) => u.pathname === `/teams/${teamId}`);
  await page.goto("/");
  await switchTo(page, TEAM);
  await expect(page.getByTestId("workspace-notice")).toContainText("viewer");
  await expect(page.getByTestId("generate")).toHaveCount(0);
  await page.goto(`/gallery/${clipId}`);
  await expect(page.getByTestId("clip-detail")).toBeVisible();
  const video = page.getByTestId("detail-video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId("delete")).toHaveCount(0);
  await expect(page.getByTestId("share-panel")).toHaveCount(0);
  // The server refuses too, whatever the UI shows.
  const del = await page.request.delete(`/api/generations/${clipId}`);
  expect(del.status()).toBe(403);
  expect((await del.json()).error.code).toBe("team_role_forbidden");
  const gen = await page.request.post(`/api/generations?team=${teamId}`, {
    headers: { "Idempotency-Key": `viewer-${run}` },
    data: { mode: "text", prompt: "not allowed", style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
  });
  expect(gen.status()).toBe(403);
  await expectNoSeriousA11yViolations(page);
});

test("a share link opens without sign-in; revoking it answers 404 at once", async ({ browser }) => {
  const owner = await ownerPage(browser);
  await owner.goto(`/gallery/${clipId}`);
  const panel = owner.getByTestId("share-panel");
  await panel.getByTestId("share-download").check();
  await panel.getByTestId("share-create").click();
  shareUrl = await panel.getByTestId("share-url").inputValue();
  expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);

  const visitor = await browser.newContext(); // no cookies: a client of the studio
  const page = await visitor.newPage();
  const res = await page.goto(new URL(shareUrl).pathname);
  expect(res?.status()).toBe(200);
  expect(res?.headers()["referrer-policy"]).toBe("no-referrer");
  expect(res?.headers()["x-robots-tag"]).toContain("noindex");
  const video = page.locator("video");
  await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await expect(page.getByRole("link", { name: /Download video/ })).toBeVisible();
  await expect(page.getByRole("navigation")).toHaveCount(0); // nothing of the workspace
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/screenshots/share-page.png", fullPage: true });

  await owner.reload();
  const link = owner.getByTestId("share-link").filter({ has: owner.getByTestId("share-revoke") }).first();
  await expect(link).toContainText(/Views: 1/);
  await link.getByTestId("share-revoke").click();
  await owner.getByRole("dialog").getByRole("button", { name: /Revoke/ }).click();
  await expect(owner.locator('[data-testid="share-link"][data-status="revoked"]')).toHaveCount(1);

  expect((await page.reload())?.status()).toBe(404);
  const media = await page.request.get(`/api/s/${new URL(shareUrl).pathname.split("/").pop()}/video.mp4`, { headers: { Range: "bytes=0-99" } });
  expect(media.status()).toBe(404);
  await visitor.close();
  await owner.context().close();
});

test("an exhausted team budget refuses the next clip with a message naming it, and queues nothing", async ({ browser }) => {
  const owner = await ownerPage(browser);
  await owner.goto(`/teams/${teamId}/usage`);
  const budget = owner.locator("form").filter({ has: owner.getByLabel("Team monthly budget") });
  await budget.getByLabel("Team monthly budget").fill("2.50"); // the member's one clip used it all
  await budget.getByRole("button", { name: "Save" }).click();
  // A limit at what was already spent says what it stops.
  await expect(budget.getByRole("status")).toContainText("Saved. Already ¥2.50 spent this month; the new budget of ¥2.50 stops further clips");
  // The save refreshes the page's server data; a reload in the middle of that refresh is aborted, so
  // reload until one completes (a condition with a deadline, not "network idle", which a page with any
  // background request may never reach).
  await expect(async () => {
    await owner.reload();
  }).toPass({ timeout: 30_000 });
  await expect(budget.getByLabel("Team monthly budget")).toHaveValue("2.50");
  await expectNoSeriousA11yViolations(owner);
  await owner.screenshot({ path: "test-results/screenshots/usage-page.png", fullPage: true });

  const page = member.ctx ? await member.ctx.newPage() : null;
  if (!page) throw new Error("member context missing");
  await openStudio(page);
  await expect(page.getByTestId("workspace-notice")).toContainText(TEAM);
  // Before the click: what is left, and that one more clip does not fit.
  await expect(page.getByTestId("budgets-left").locator('[data-scope="TEAM_MONTHLY"]')).toHaveText("team ¥0.00 this month");
  await expect(page.getByTestId("budget-short")).toContainText("Not enough left for one more clip (¥2.50)");
  const before = ((await (await page.request.get(`/api/generations?team=${teamId}&limit=100`)).json()) as { items: unknown[] }).items.length;
  await page.getByRole("textbox", { name: /Prompt|提示词/ }).first().fill(uniquePrompt("over budget"));
  const answer = page.waitForResponse((r) => r.url().includes("/api/generations") && r.request().method() === "POST");
  await page.getByTestId("generate").click();
  expect((await answer).status()).toBe(402);
  // Shown under the form and announced to screen readers.
  await expect(page.getByTestId("form-error")).toContainText("exceed the team's monthly budget (¥2.50 spent this month; budget ¥2.50)");
  await expect(page.getByTestId("live-assertive")).toContainText("team's monthly budget");
  const after = ((await (await page.request.get(`/api/generations?team=${teamId}&limit=100`)).json()) as { items: unknown[] }).items.length;
  expect(after).toBe(before);

  // The instance-wide daily cap (the owner is also the instance admin): set, then removed.
  await owner.goto("/admin");
  const cap = owner.locator("form").filter({ has: owner.getByLabel("Daily cap (¥)") });
  await cap.getByLabel("Daily cap (¥)").fill("1000");
  await cap.getByRole("button", { name: "Save" }).click();
  await expect(cap.getByRole("status")).toContainText("Saved: ¥1,000.00");
  await cap.getByRole("button", { name: "Remove limit" }).click();
  await expect(cap.getByRole("status")).toContainText("Limit removed.");
  await owner.context().close();
});

test("axe (light and dark) and 375 px on the team, usage, audit, join and share pages", async ({ browser }) => {
  // 18 page loads, 12 of them with an axe scan: the hang deadline scales with the work, not the default 60 s.
  test.setTimeout(4 * 60_000);
  const owner = await ownerPage(browser);
  const share = await owner.request.post(`/api/generations/${clipId}/share-links`, { data: { expiresInHours: 24, allowDownload: false, showPrompt: true } });
  expect(share.status(), await share.text()).toBe(201);
  const sharePath = new URL(((await share.json()) as { url: string }).url).pathname;
  const invite = await owner.request.post(`/api/teams/${teamId}/invites`, { data: { kind: "link", role: "MEMBER", expiresInHours: 24, maxUses: 1 } });
  expect(invite.status(), await invite.text()).toBe(201);
  const joinPath = `/join/${((await invite.json()) as { token: string }).token}`;
  const pages = ["/teams", `/teams/${teamId}`, `/teams/${teamId}/usage`, `/teams/${teamId}/audit`, joinPath, sharePath];
  for (const scheme of ["light", "dark"] as const) {
    await owner.emulateMedia({ colorScheme: scheme });
    for (const path of pages) {
      await owner.goto(path);
      await expectNoSeriousA11yViolations(owner);
    }
  }
  await owner.setViewportSize({ width: 375, height: 800 });
  for (const path of pages) {
    await owner.goto(path);
    const overflow = await owner.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const wide =
      overflow > 0
        ? await owner.evaluate(() =>
            [...document.querySelectorAll("body *")]
              .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .slice(0, 5)
              .map((e) => `${e.tagName}.${e.className}`.slice(0, 160)),
          )
        : [];
    expect(overflow, `${path}: ${wide.join(" | ")}`).toBeLessThanOrEqual(0);
  }
  await owner.goto(`/teams/${teamId}/audit`);
  await expect(owner.getByRole("table")).toContainText(/Generated a clip|clip/i);
  // A team you are not in reads exactly like a missing one: 404, in your language.
  const missing = await owner.goto("/teams/cnotateamatall0000000000");
  expect(missing?.status()).toBe(404);
  await expect(owner.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expectNoSeriousA11yViolations(owner);
  await owner.context().close();
});

test("the owner moves a personal clip into the team from its detail page", async ({ browser }) => {
  test.setTimeout(STORED_TIMEOUT + 30_000);
  const owner = await ownerPage(browser);
  await owner.request.put("/api/workspace", { data: { teamId: null } });
  const res = await owner.request.post("/api/generations", {
    headers: { "Idempotency-Key": `move-${run}` },
    data: { mode: "text", prompt: uniquePrompt("personal then team"), style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
  });
  expect(res.status()).toBe(202);
  const id = ((await res.json()) as { id: string }).id;
  await expect
    .poll(async () => ((await (await owner.request.get(`/api/generations/${id}`)).json()) as { status: string }).status, { timeout: STORED_TIMEOUT })
    .toBe("STORED");
  await owner.goto(`/gallery/${id}`);
  const move = owner.getByTestId("move-to-team");
  await move.getByLabel("Team").selectOption({ label: TEAM });
  await move.getByRole("button", { name: "Move" }).click();
  await expect(owner.getByText(`Clip moved to ${TEAM}.`).first()).toBeAttached();
  await expect(owner.getByTestId("move-to-team")).toHaveCount(0); // now a team clip: nothing to move
  const inTeam = (await (await owner.request.get(`/api/generations?team=${teamId}&limit=100`)).json()) as { items: { id: string }[] };
  expect(inTeam.items.map((c) => c.id)).toContain(id);
  const personal = (await (await owner.request.get(`/api/generations?limit=100`)).json()) as { items: { id: string }[] };
  expect(personal.items.map((c) => c.id)).not.toContain(id);
  await owner.context().close();
});
