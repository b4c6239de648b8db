import { expect, test } from "@playwright/test";
import { addShots, card, createFilm, editShot, makeOneTake, select } from "./films-helpers";
import { expectNoSeriousA11yViolations, signInViaUi, signUpViaApi, STORAGE_STATE, uniqueEmail } from "./helpers";
import { STORED_TIMEOUT, uniquePrompt } from "./studio-helpers";

// The storyboard end to end against the production build, the films API, the worker and the
// simulator: a 4-shot film in 16:9 (chain, takes, compare + choose, trim, keyboard reorder with the
// chain rule's question, a timecoded comment, approval, the preview playing across a trim out) and
// a 4-shot film in 9:16 at 375 px in dark mode. Each test makes its own film.
test.use({ storageState: STORAGE_STATE });

test("16:9 film: chain, takes, compare and choose, trim, keyboard reorder, comment, approve, preview", async ({ page }) => {
  test.setTimeout(STORED_TIMEOUT * 2);
  await createFilm(page, `Harbour ${uniquePrompt("film")}`, "16:9");
  await addShots(page, 4);
  await expectNoSeriousA11yViolations(page);

  for (let i = 0; i < 4; i++) {
    await select(page, i);
    await editShot(page, uniquePrompt(`Shot ${i + 1}: the harbour at dawn`), { chain: i === 1 });
  }

  // Shot 1: two takes, compared side by side in sync, then the second is chosen.
  await select(page, 0);
  const first = await makeOneTake(page, 1);
  await expect(first).toHaveAttribute("data-status", "STORED", { timeout: STORED_TIMEOUT });
  const second = await makeOneTake(page, 2);
  await expect(second).toHaveAttribute("data-status", "STORED", { timeout: STORED_TIMEOUT });
  await page.getByRole("checkbox", { name: "Compare take 1" }).check();
  await page.getByRole("checkbox", { name: "Compare take 2" }).check();
  const compare = page.getByTestId("compare");
  await expect(compare.getByTestId("compare-video")).toHaveCount(2);
  await compare.getByTestId("compare-play").click();
  await expect.poll(() => compare.getByTestId("compare-video").evaluateAll((vs) => (vs as HTMLVideoElement[]).every((v) => !v.paused)), { timeout: 20_000 }).toBe(true);
  await compare.getByTestId("compare-play").click();
  await expect.poll(() => compare.getByTestId("compare-video").evaluateAll((vs) => (vs as HTMLVideoElement[]).every((v) => v.paused))).toBe(true);
  await compare.getByTestId("compare-seek").fill("2");
  await expect
    .poll(() => compare.getByTestId("compare-video").evaluateAll((vs) => (vs as HTMLVideoElement[]).map((v) => Math.round(v.currentTime * 10) / 10)))
    .toEqual([2, 2]);
  await page.getByRole("button", { name: "Choose take 2" }).click();
  await expect(page.getByTestId("takes-notice")).toHaveText("Take 2 chosen.");
  await expect(second).toContainText("Chosen");

  // Trim shot 1 to frames [12, 96): 3.5 s on its card.
  await page.getByRole("spinbutton", { name: "In", exact: true }).fill("12");
  await page.getByRole("spinbutton", { name: "Out", exact: true }).fill("96");
  await expect(page.getByTestId("trim-duration")).toHaveText("Length after trim: 3.5 s");
  await page.getByTestId("save-shot").click();
  await expect(page.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
  await expect(card(page, 0).getByTestId("shot-duration")).toHaveText("3.5 s");

  // Shot 2 starts from shot 1's last frame; shots 3 and 4 are plain text shots.
  for (const i of [1, 2, 3]) {
    await select(page, i);
    await expect(await makeOneTake(page, 1)).toHaveAttribute("data-status", "STORED", { timeout: STORED_TIMEOUT });
  }
  await expect(card(page, 1)).toHaveAttribute("data-status", "ready");

  // Keyboard reorder: Alt+ArrowLeft on shot 4 moves it before shot 3, announced.
  const shot4 = await card(page, 3).getAttribute("data-shot-id");
  await card(page, 3).getByTestId("shot-select").focus();
  await page.keyboard.press("Alt+ArrowLeft");
  await expect(card(page, 2)).toHaveAttribute("data-shot-id", shot4 ?? "");
  await expect(page.getByTestId("live-polite")).toHaveText("Shot 4 moved to position 3.");
  await expect(card(page, 2).getByTestId("shot-select")).toBeFocused();

  // Moving the shot before the chained shot 2 would give it another predecessor: the chain rule asks,
  // and re-targeting makes the chained shot out of date (the refusal names it by its new number).
  const chained = await card(page, 1).getAttribute("data-shot-id");
  await page.keyboard.press("Alt+ArrowLeft");
  const ask = page.getByRole("dialog", { name: "Re-target chained shots?" });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText("shot(s) 3");
  await page.getByRole("button", { name: "Re-target and continue" }).click();
  await expect(card(page, 1)).toHaveAttribute("data-shot-id", shot4 ?? "");
  await expect(page.locator(`[data-testid="shot-card"][data-shot-id="${chained}"]`)).toHaveAttribute("data-status", "out_of_date");

  // A comment at the player's current time; clicking it seeks back there.
  await select(page, 0);
  const player = page.getByTestId("review-video");
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
  await player.evaluate((v: HTMLVideoElement) => (v.currentTime = 2.4));
  await expect(page.getByTestId("comment-at")).toHaveText("Comment at 00:02.4");
  await page.getByTestId("comment-at").click();
  await page.getByRole("textbox", { name: "Comment at 00:02.4" }).fill("Hold on the boat a little longer");
  await page.getByTestId("comment-submit").click();
  await expect(page.getByTestId("comment")).toContainText("00:02.4");
  await player.evaluate((v: HTMLVideoElement) => (v.currentTime = 0));
  await page.getByTestId("comment").click();
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => Math.round(v.currentTime * 10) / 10)).toBe(2.4);
  // Its author edits it in place and deletes one made by mistake, after a second click; both say so.
  await page.getByRole("button", { name: "Edit the comment at 00:02.4" }).click();
  await page.getByRole("textbox", { name: "Edit the comment at 00:02.4" }).fill("Hold on the boat two beats longer");
  await page.getByTestId("comment-save").click();
  await expect(page.getByTestId("comment-item-notice")).toHaveText("Comment at 00:02.4 saved.");
  await expect(page.getByTestId("comment")).toContainText("two beats longer");
  await player.evaluate((v: HTMLVideoElement) => (v.currentTime = 0.5));
  // The button pins the time it shows: wait for the seek to reach it (else it pins the old time and seeks back).
  await expect(page.getByTestId("comment-at")).toHaveText("Comment at 00:00.5");
  await page.getByTestId("comment-at").click();
  await page.getByRole("textbox", { name: "Comment at 00:00.5" }).fill("Posted by mistake");
  await page.getByTestId("comment-submit").click();
  await expect(page.getByTestId("comment")).toHaveCount(2);
  await page.getByRole("button", { name: "Delete the comment at 00:00.5" }).click();
  await page.getByTestId("comment-delete-confirm").click();
  await expect(page.getByTestId("comment-notice")).toHaveText("Comment at 00:00.5 deleted.");
  await expect(page.getByTestId("comment")).toHaveCount(1);
  await expect(page.getByTestId("comment")).toContainText("two beats longer");

  // Approval.
  await page.getByTestId("approve").click();
  await expect(page.getByTestId("review-notice")).toHaveText("Shot 1 approved.");
  await expect(page.getByTestId("film-approved")).toHaveText("1 of 4 approved");
  await expect(card(page, 0)).toHaveAttribute("data-status", "approved");

  // The preview plays from the trim in and switches to shot 2 at shot 1's trim out.
  const preview = page.getByTestId("film-preview");
  await expect(preview.getByTestId("timeline-shot")).toHaveCount(4);
  await preview.getByTestId("preview-play").click();
  await expect(preview.getByTestId("preview-now")).toHaveText("Playing shot 1 of 4");
  const firstClip = preview.getByTestId("preview-video").first();
  await expect.poll(() => firstClip.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThanOrEqual(0.5);
  await expect(preview.getByTestId("preview-now")).toHaveText("Playing shot 2 of 4", { timeout: 20_000 });
  await expect.poll(() => firstClip.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
  // 3.5 s + 3 × 5 s with cuts.
  await expect(preview.getByTestId("film-total")).toHaveText("Total: 00:18.5");
  await expectNoSeriousA11yViolations(page);
  // The README's storyboard picture comes from here (copied from test-results/screenshots to docs/).
  await page.screenshot({ path: "test-results/screenshots/storyboard.png", fullPage: true });

  // The list shows the film with its approvals.
  await page.getByRole("link", { name: "All films" }).click();
  await expect(page.getByTestId("film-row").filter({ hasText: "Harbour" }).first()).toContainText("4 shots · 1 of 4 approved");
});

test("9:16 film at 375 px in dark mode: four shots, a take, no overflow, axe clean", async ({ page }) => {
  test.setTimeout(STORED_TIMEOUT + 60_000);
  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ colorScheme: "dark" });
  await createFilm(page, `Vertical ${uniquePrompt("film")}`, "9:16");
  await addShots(page, 4);
  await select(page, 0);
  await editShot(page, uniquePrompt("A street market, vertical, handheld"));
  await expect(await makeOneTake(page, 1)).toHaveAttribute("data-status", "STORED", { timeout: STORED_TIMEOUT });
  await expect(card(page, 0)).toHaveAttribute("data-status", "ready");
  // Nothing but the shot strip scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/screenshots/storyboard-375-dark.png", fullPage: true });
  await page.goto("/films");
  await expect(page.getByTestId("film-list")).toContainText("9:16 · 4 shots");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await expectNoSeriousA11yViolations(page);
});

test("in Chinese: the films page, a field error next to its field, the storyboard's own strings", async ({ browser }) => {
  // A fresh account: the language choice is stored on the account, and the shared one stays English.
  const ctx = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await ctx.newPage();
  const email = uniqueEmail("films-zh");
  await signUpViaApi(page, email);
  await signInViaUi(page, email);
  await page.waitForURL((u) => u.pathname === "/");
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("link", { name: "影片" })).toBeVisible();
  await page.getByRole("link", { name: "影片" }).click();
  await expect(page.getByRole("heading", { name: "影片", level: 1 })).toBeVisible();
  await expect(page.getByText("此工作区还没有影片。新建一部吧。")).toBeVisible();
  await page.getByTestId("create-film").click();
  await expect(page.getByLabel("标题")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("此项为必填。")).toBeVisible();
  await page.getByLabel("标题").fill("港口");
  await page.getByTestId("create-film").click();
  await page.waitForURL(/\/films\/[a-z0-9]+$/);
  await page.getByRole("button", { name: "添加镜头" }).click();
  await expect(page.getByTestId("film-notice")).toHaveText("已添加镜头 1。");
  await expect(page.getByTestId("film-approved")).toHaveText("已通过 0 / 1");
  await expectNoSeriousA11yViolations(page);
  await ctx.close();
});

test("generate missing shots (estimate first, a chained shot), export, play and seek the export, share it signed out", async ({ page, browser }) => {
  // Three waits of up to STORED_TIMEOUT each (two chained takes, then the render): the test's own
  // deadline covers them, instead of the default 60 s cutting the last wait short on a busy machine.
  test.setTimeout(STORED_TIMEOUT * 3);
  await createFilm(page, `Batch ${uniquePrompt("film")}`, "16:9");
  await addShots(page, 2);
  await select(page, 0);
  await editShot(page, uniquePrompt("harbour at dawn"));
  await select(page, 1);
  await editShot(page, uniquePrompt("the boat leaves"), { chain: true });
  await page.getByTestId("open-generate-missing").click();
  // The estimate comes before anything is queued: shots × takes × price, and the budgets left.
  await expect(page.getByTestId("missing-estimate")).toContainText("2 shots × 1 take ×");
  // The film's cost with the batch: nothing spent on it yet (no stills, voice or script), the batch on top.
  await expect(page.getByTestId("missing-spent")).toHaveText("Spent so far ¥0.00: script ¥0.00, stills ¥0.00, voice ¥0.00, video ¥0.00");
  await expect(page.getByTestId("missing-film-total")).toHaveText("Spent so far ¥0.00 + this batch ¥5.00 = ¥5.00");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("button", { name: /^Generate for ¥/ }).click();
  await expect(page.getByTestId("missing-notice")).toHaveText("2 takes started.");
  await page.getByRole("button", { name: "Close" }).click();
  // The chained shot runs from shot 1's stored last frame, so both end ready.
  await expect(card(page, 0)).toHaveAttribute("data-status", "ready", { timeout: STORED_TIMEOUT });
  await expect(card(page, 1)).toHaveAttribute("data-status", "ready", { timeout: STORED_TIMEOUT });

  await page.getByTestId("start-export").click();
  await expect(page.getByTestId("exports-notice")).toBeVisible();
  const exported = page.getByTestId("export").first();
  await expect(exported).toHaveAttribute("data-status", "READY", { timeout: STORED_TIMEOUT });
  const player = exported.locator("video");
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 30_000 }).toBeGreaterThan(5);
  // Seek: the byte server answers the Range request and the player lands where it was sent.
  await player.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    v.currentTime = 4;
  });
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => (v.seeking ? -1 : v.currentTime)), { timeout: 30_000 }).toBeCloseTo(4, 0);
  await expectNoSeriousA11yViolations(page);

  await exported.getByTestId("share-export").click();
  const url = await exported.getByTestId("export-share-url").inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]+$/);
  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  try {
    const p = await visitor.newPage();
    await p.goto(new URL(url).pathname);
    const film = p.locator("video").first();
    await expect(film).toBeVisible();
    await expect.poll(() => film.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 30_000 }).toBeGreaterThan(5);
    await expectNoSeriousA11yViolations(p);
  } finally {
    await visitor.close();
  }
});
