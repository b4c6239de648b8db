import { expect, test } from "@playwright/test";
import { addShots, createFilm, editShot, makeStills, select } from "./films-helpers";
import { expectNoSeriousA11yViolations, STORAGE_STATE } from "./helpers";
import { uniquePrompt } from "./studio-helpers";

// A shot's stills against the production build, the worker and the simulator: the price on the
// button, two stills arriving live at the film's shape, one used as the shot's first frame.
test.use({ storageState: STORAGE_STATE });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("stills: make two at the film's shape, use one as the first frame", async ({ page }) => {
  test.setTimeout(120_000);
  const title = `Stills ${uniquePrompt("film")}`;
  await createFilm(page, title, "16:9");
  await addShots(page, 1);
  await select(page, 0);
  await editShot(page, uniquePrompt("A lighthouse at dusk"));

  await expect(page.getByTestId("stills-panel").getByText("No stills yet.")).toBeVisible();
  const panel = await makeStills(page, 2);
  const img = panel.getByRole("img").first();
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight])).toEqual([1920, 1080]);
  await expectNoSeriousA11yViolations(page);

  await panel.getByRole("button", { name: "Use as first frame (still 1)" }).click();
  await expect(panel.getByTestId("stills-notice")).toHaveText("The still is now the shot's first frame.");
  await expect(panel.getByText("First frame", { exact: true })).toBeVisible();
  await expect(page.getByTestId("shot-editor").getByText("One of this shot's stills (see Stills below).").first()).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/stills-panel.png", fullPage: true });
  const filmUrl = page.url();

  // The gallery's Stills view shows both at the film's shape, says which shot they belong to and
  // which one is its first frame, and opens that shot (keyboard: Tab to the tile, Enter).
  await page.goto("/gallery");
  await page.getByRole("navigation", { name: "Gallery views" }).getByRole("link", { name: "Stills" }).click();
  await expect(page).toHaveURL(/\/gallery\/stills$/);
  const tiles = page.getByRole("link", { name: new RegExp(`Shot 1 · ${escapeRegExp(title)}`) });
  await expect(tiles).toHaveCount(2);
  const picked = tiles.filter({ hasText: "First frame" });
  await expect(picked).toHaveCount(1);
  await expect.poll(() => picked.locator("img").evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(1920);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/screenshots/gallery-stills.png" });
  await picked.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`^${escapeRegExp(filmUrl)}\\?shot=`));
  await expect(page.getByTestId("stills-panel").getByText("First frame", { exact: true })).toBeVisible();
});
