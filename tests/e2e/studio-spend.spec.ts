import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, PASSWORD, signInViaUi, STORAGE_STATE, uniqueEmail } from "./helpers";
import { clipsWithPrompt, generate, openStudio, STORED_TIMEOUT, uniquePrompt } from "./studio-helpers";

// Issue 15, "spending only on purpose" and what a producer sees: a repeated submission asks before
// spending (and the server refuses an unconfirmed repeat from anywhere), a double press makes one
// clip, a viewer is offered no action their role cannot use (and the page makes no forbidden
// request), and actions answer with a visible toast.

const TEXT = { style: "general", aspectRatio: "16:9", movementAmplitude: "auto" } as const;

/** Watches a page's POST /api/generations: each request's key and body. */
function watchSubmits(page: Page): { key: string; body: Record<string, unknown> }[] {
  const seen: { key: string; body: Record<string, unknown> }[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/generations") {
      seen.push({ key: r.headers()["idempotency-key"] ?? "", body: (r.postDataJSON() ?? {}) as Record<string, unknown> });
    }
  });
  return seen;
}

test.describe("repeat submits", () => {
  test.use({ storageState: STORAGE_STATE });

  test("the same submission moments later asks 'Make another take for ¥2.50?'; Escape keeps the money, Enter makes the take", async ({ page }) => {
    await openStudio(page);
    const prompt = uniquePrompt("Repeat asks");
    await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
    const submits = watchSubmits(page);
    await generate(page);
    const acceptedAt = Date.now();
    // Past the double-press window (0.5 s): a second press is a second intent.
    await expect.poll(() => Date.now() - acceptedAt).toBeGreaterThan(700);

    await page.getByTestId("generate").click();
    const dialog = page.getByRole("dialog", { name: "Make another take?" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Make another take for ¥2.50?");
    expect(submits).toHaveLength(1);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("toast").filter({ hasText: "No new take was made." })).toBeVisible();
    expect(submits).toHaveLength(1);
    expect(await clipsWithPrompt(page, prompt)).toBe(1);

    // Still within the 10 s window (nothing slow ran since the first answer).
    await page.getByTestId("generate").click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByTestId("repeat-confirm")).toBeFocused();
    await expectNoSeriousA11yViolations(page);
    const confirmed = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/generations" && r.request().method() === "POST");
    await page.keyboard.press("Enter");
    expect((await confirmed).status()).toBe(202);
    expect(submits.map((s) => s.body.confirmRepeat)).toEqual([undefined, true]);
    expect(new Set(submits.map((s) => s.key)).size).toBe(2);
    expect(await clipsWithPrompt(page, prompt)).toBe(2);

    // A second tab or a script: the server refuses the unconfirmed repeat and queues nothing.
    const script = await page.request.post("/api/generations", {
      headers: { "Idempotency-Key": `script-${Date.now().toString(36)}` },
      data: { mode: "text", prompt, ...TEXT },
    });
    expect(script.status()).toBe(409);
    const { error } = await script.json();
    expect(error.code).toBe("repeat_submission");
    expect(error.messages["zh-CN"]).toContain("¥2.50");
    expect(await clipsWithPrompt(page, prompt)).toBe(2);
  });

  test("Ctrl+Enter and a click within half a second make exactly one clip, without asking", async ({ page }) => {
    await openStudio(page);
    const prompt = uniquePrompt("Press twice");
    const box = page.getByRole("textbox", { name: "Prompt" });
    await box.fill(prompt);
    const submits = watchSubmits(page);
    await generate(page, async () => {
      await box.press("Control+Enter");
      // force: no wait for the busy button to settle — the click lands while the first press is in flight or just answered.
      await page.getByTestId("generate").click({ force: true });
    });
    await expect(page.getByRole("dialog", { name: "Make another take?" })).toHaveCount(0);
    // Whatever reached the server did so under one key: one clip.
    expect(new Set(submits.map((s) => s.key)).size).toBe(1);
    expect(await clipsWithPrompt(page, prompt)).toBe(1);
  });
});

test.describe("several takes", () => {
  test.use({ storageState: STORAGE_STATE });

  test("3 takes: the button shows the total price and one press queues three clips", async ({ page }) => {
    await openStudio(page);
    const prompt = uniquePrompt("Three takes");
    await page.getByRole("textbox", { name: "Prompt" }).fill(prompt);
    await page.getByRole("group", { name: "Takes" }).getByText("3", { exact: true }).click();
    await expect(page.getByTestId("generate")).toHaveText("Generate 3 takes · ¥7.50");
    const submits = watchSubmits(page);
    await generate(page);
    expect(submits.map((s) => s.body.takes)).toEqual([3]);
    await expect.poll(() => clipsWithPrompt(page, prompt)).toBe(3);
    // One group of three (studio-takes.spec.ts follows it through compare).
    await expect(page.getByTestId("take-group").filter({ hasText: prompt }).getByTestId("clip")).toHaveCount(3);
  });
});

const ENDED = ["STORED", "FAILED", "REJECTED", "EXPIRED", "ORPHANED", "CANCELLED"];

/** A STORED team clip made by the owner: the simulator may fail a take, so up to three tries. */
async function storedTeamClip(request: APIRequestContext, teamId: string): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const made = await request.post(`/api/generations?team=${teamId}`, {
      headers: { "Idempotency-Key": `viewer-clip-${attempt}-${Date.now().toString(36)}` },
      data: { mode: "text", prompt: uniquePrompt(`Team clip for a viewer ${attempt}`), ...TEXT },
    });
    expect(made.status(), await made.text()).toBe(202);
    const id = ((await made.json()) as { id: string }).id;
    let status = "";
    await expect
      .poll(async () => ENDED.includes((status = ((await (await request.get(`/api/generations/${id}`)).json()) as { status: string }).status)), { timeout: STORED_TIMEOUT })
      .toBe(true);
    if (status === "STORED") return id;
  }
  throw new Error("no stored team clip after three takes");
}

test("a viewer is offered no tag editor, no F key, no share panel, no move or delete, and the page makes no forbidden request", async ({ browser }) => {
  test.setTimeout(STORED_TIMEOUT + 90_000);
  const ownerCtx = await browser.newContext({ storageState: STORAGE_STATE });
  const owner = ownerCtx.request;
  const team = await (await owner.post("/api/teams", { data: { name: `Spend ${Date.now().toString(36)}` } })).json();
  const invite = await owner.post(`/api/teams/${team.id}/invites`, { data: { kind: "link", role: "VIEWER" } });
  expect(invite.status()).toBe(201);
  const { token } = await invite.json();
  const clipId = await storedTeamClip(owner, team.id);
  await ownerCtx.close();

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const email = uniqueEmail("spend-viewer");
  expect((await page.request.post("/api/account/sign-up", { data: { email, password: PASSWORD } })).status()).toBe(201);
  await signInViaUi(page, email);
  await page.waitForURL((u) => u.pathname === "/");
  expect((await page.request.post(`/api/invites/link/${token}/accept`)).status()).toBe(200);
  expect((await page.request.put("/api/workspace", { data: { teamId: team.id } })).status()).toBe(200);

  const forbidden: string[] = [];
  const writes: string[] = [];
  page.on("response", (r) => {
    if (r.status() === 403) forbidden.push(`${r.request().method()} ${r.url()}`);
  });
  page.on("request", (r) => {
    if (r.method() !== "GET" && r.method() !== "HEAD") writes.push(`${r.method()} ${r.url()}`);
  });
  page.on("console", (m) => {
    if (/403|forbidden/i.test(m.text())) forbidden.push(`console: ${m.text()}`);
  });

  await page.goto("/gallery");
  const tile = page.locator(`[data-testid="gallery-card"][data-id="${clipId}"]`);
  await expect(tile).toBeVisible();
  await expect(page.locator("#gallery-keyboard-help")).not.toContainText("F favourites");
  await tile.locator("[data-card-index]").focus();
  await page.keyboard.press("f");
  await page.keyboard.press("Delete");
  await expect(page.locator('[data-testid="confirm-dialog"][open]')).toHaveCount(0);
  // Selecting shows the bulk bar with the zip only.
  await tile.getByTestId("card-select").check();
  await expect(page.getByTestId("bulk-zip")).toBeVisible();
  await expect(page.getByTestId("bulk-delete")).toHaveCount(0);
  await expect(page.getByLabel("Tag name")).toHaveCount(0);

  await page.goto(`/gallery/${clipId}`);
  const detail = page.getByTestId("clip-detail");
  await expect(detail).toBeVisible();
  await expect(detail.getByRole("link", { name: "Download original" })).toBeVisible();
  await expect(detail.getByRole("heading", { name: "Tags", exact: true })).toHaveCount(0);
  await expect(detail.getByTestId("favourite")).toHaveCount(0);
  await expect(detail.getByTestId("delete")).toHaveCount(0);
  await expect(detail.getByTestId("move-to-team")).toHaveCount(0);
  await expect(detail.getByTestId("share-panel")).toHaveCount(0);
  await detail.getByTestId("detail-video").focus();
  await page.keyboard.press("f");
  await expectNoSeriousA11yViolations(page);

  expect(writes).toEqual([]);
  expect(forbidden).toEqual([]);
  await ctx.close();
});

test.describe("visible feedback", () => {
  test.use({ storageState: STORAGE_STATE, permissions: ["clipboard-read", "clipboard-write"] });

  test("favourite and copy prompt each show a toast that can be dismissed and leaves by itself", async ({ page }) => {
    const prompt = uniquePrompt("Toast me");
    const made = await page.request.post("/api/generations", {
      headers: { "Idempotency-Key": `toast-${Date.now().toString(36)}` },
      data: { mode: "text", prompt, ...TEXT },
    });
    expect(made.status()).toBe(202);
    const { id } = (await made.json()) as { id: string };
    await page.goto(`/gallery/${id}`);
    const detail = page.getByTestId("clip-detail");
    await expect(detail).toBeVisible();

    await detail.getByTestId("favourite").click();
    const favourited = page.getByTestId("toast").filter({ hasText: "Added to favourites." });
    await expect(favourited).toBeVisible();
    await expect(favourited).toHaveAttribute("role", "status");
    await favourited.getByRole("button", { name: "Dismiss notification" }).click();
    await expect(favourited).toHaveCount(0);

    await detail.getByRole("button", { name: "Copy prompt" }).click();
    const copied = page.getByTestId("toast").filter({ hasText: "Prompt copied." });
    await expect(copied).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(prompt);
    await expectNoSeriousA11yViolations(page);
    // At 375 px in dark mode the toast is on screen.
    await page.setViewportSize({ width: 375, height: 740 });
    await page.emulateMedia({ colorScheme: "dark" });
    await detail.getByRole("button", { name: "Copy prompt" }).click();
    await expect(copied).toBeInViewport();
    await page.screenshot({ path: "test-results/screenshots/toast-375-dark.png" });
    // It leaves by itself (4 s for a success).
    await expect(copied).toHaveCount(0, { timeout: 10_000 });
  });
});
