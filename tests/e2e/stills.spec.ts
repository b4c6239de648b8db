import { expect, test } from "@playwright/test";
import { addShots, createFilm, editShot, select } from "./films-helpers";
import { expectNoSeriousA11yViolations, STORAGE_STATE } from "./helpers";
import { uniquePrompt } from "./studio-helpers";

// A shot's stills against the production build, the worker and the simulator: the price on the
// button, two stills arriving live at the film's shape, one used as the shot's first frame.
test.use({ storageState: STORAGE_STATE });

test("stills: make two at the film's shape, use one as the first frame", async ({ page }) => {
  test.setTimeout(120_000);
  await createFilm(page, `Stills ${uniquePrompt("film")}`, "16:9");
  await addShots(page, 1);
  await select(page, 0);
  await editShot(page, uniquePrompt("A lighthouse at dusk"));

  const panel = page.getByTestId("stills-panel");
  await expect(panel.getByText("No stills yet.")).toBeVisible();
  await panel.getByLabel("Number of stills").selectOption("2");
  await expect(panel.getByTestId("make-stills")).toHaveText(/Make 2 stills · ¥\d/);
  await panel.getByTestId("make-stills").click();
  await expect(panel.getByTestId("stills-notice")).toHaveText("2 stills are on the way.");
  await expect(panel.locator('[data-testid="still"][data-state="ready"]')).toHaveCount(2, { timeout: 60_000 });
  const img = panel.getByRole("img").first();
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight])).toEqual([1920, 1080]);
  await expectNoSeriousA11yViolations(page);

  await panel.getByRole("button", { name: "Use as first frame (still 1)" }).click();
  await expect(panel.getByTestId("stills-notice")).toHaveText("The still is now the shot's first frame.");
  await expect(panel.getByText("First frame", { exact: true })).toBeVisible();
  await expect(page.getByTestId("shot-editor").getByText("One of this shot's stills (see Stills below).").first()).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/stills-panel.png", fullPage: true });
});
