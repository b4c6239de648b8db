import { expect, test } from "@playwright/test";
import { createFilm, ZH_SCRIPT } from "./films-helpers";
import { expectNoSeriousA11yViolations, STORAGE_STATE } from "./helpers";

// Script → shot list on the storyboard: paste a 10-line Chinese script, see the hold before breaking
// it down, edit the draft (a prompt, a row deleted), reload (the edits are kept), add the shots to the
// film. axe clean with the draft open, then at 375 px in dark mode.

test.describe("script breakdown", () => {
  test.use({ storageState: STORAGE_STATE });

  test("paste → estimate → break down → edit → reload keeps edits → add the shots to the film", async ({ page }) => {
    await createFilm(page, `Script ${Date.now()}`, "16:9");
    await page.getByTestId("open-script-breakdown").click();
    const dialog = page.getByTestId("script-breakdown");
    const text = dialog.getByRole("textbox", { name: /Script, novel excerpt or product brief/ });
    await expect(text).toBeFocused();
    await text.fill(ZH_SCRIPT);
    await expect(dialog.getByText(`${[...ZH_SCRIPT.trim()].length} / 20,000 characters`)).toBeVisible();
    await expect(dialog.getByTestId("script-estimate")).toHaveText(/holds at most ¥\d+\.\d\d/);
    await dialog.getByTestId("script-break-down").click();

    const rows = dialog.getByTestId("script-draft-shot");
    await expect(rows).toHaveCount(9, { timeout: 30_000 });
    await expect(dialog.getByTestId("script-draft-summary")).toContainText("Draft: 9 shots");
    await expectNoSeriousA11yViolations(page);

    await rows.nth(0).getByRole("textbox", { name: "Prompt" }).fill("小林推门而入，雨水从伞上滴落。");
    await rows.nth(1).getByRole("button", { name: "Delete shot 2" }).click();
    await expect(rows).toHaveCount(8);
    await expect(dialog.getByTestId("script-notice")).toHaveText("Draft saved.", { timeout: 10_000 });

    await page.reload();
    await page.getByTestId("open-script-breakdown").click();
    await expect(rows).toHaveCount(8, { timeout: 10_000 });
    await expect(rows.nth(0).getByRole("textbox", { name: "Prompt" })).toHaveValue("小林推门而入，雨水从伞上滴落。");

    await dialog.getByTestId("script-accept").click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("shot-card")).toHaveCount(8);
    await expect(page.getByTestId("film-notice")).toHaveText("8 shots added to the film.");
  });

  test("a long script: the estimate names the number of text-model calls before anything is sent", async ({ page }) => {
    await createFilm(page, `Script long ${Date.now()}`, "16:9");
    await page.getByTestId("open-script-breakdown").click();
    const dialog = page.getByTestId("script-breakdown");
    const scene = (i: number) => `INT. WAREHOUSE ${i} - NIGHT\nIn warehouse ${i}, Mara slips through the side door while the rain hammers the corrugated roof above the stacked crates.\nGUARD: Who's there? Warehouse ${i} is locked.`;
    await dialog.getByRole("textbox", { name: /Script/ }).fill(Array.from({ length: 80 }, (_, i) => scene(i)).join("\n\n"));
    await expect(dialog.getByTestId("script-estimate")).toHaveText(/takes \d+ text-model calls \(one per part of the script\) and holds at most ¥\d+\.\d\d in all/);
    // 160 shots fit a draft: no warning. Past 300 (320 short spoken lines), the dialog says so before anything is paid for.
    await expect(dialog.getByTestId("script-too-many-shots")).toHaveCount(0);
    const banter = Array.from({ length: 320 }, (_, i) => `${i % 2 ? "MARA" : "GUARD"}: Line ${i + 1}.`).join("\n");
    await dialog.getByRole("textbox", { name: /Script/ }).fill(`INT. ROOF - NIGHT\n${banter}`);
    await expect(dialog.getByTestId("script-too-many-shots")).toHaveText(/about 320 shots, and a draft holds 300/);
  });

  test("a long script with a refused passage: the failed part is named and the retry re-asks only it", async ({ page }) => {
    await createFilm(page, `Script part ${Date.now()}`, "16:9");
    await page.getByTestId("open-script-breakdown").click();
    const dialog = page.getByTestId("script-breakdown");
    // The simulator refuses a text holding "UNSAFE" (1301): the part with scene 70 fails every time.
    const scene = (i: number) => `INT. WAREHOUSE ${i} - NIGHT\nIn warehouse ${i}, Mara slips through the side door${i === 70 ? " UNSAFE" : ""} while the rain hammers the roof.\nGUARD: Who's there? Warehouse ${i} is locked.`;
    await dialog.getByRole("textbox", { name: /Script/ }).fill(Array.from({ length: 80 }, (_, i) => scene(i)).join("\n\n"));
    await expect(dialog.getByTestId("script-estimate")).toHaveText(/takes (\d+) text-model calls/);
    const calls = Number(/takes (\d+)/.exec((await dialog.getByTestId("script-estimate").textContent()) ?? "")![1]);
    await dialog.getByTestId("script-break-down").click();
    const notice = dialog.getByTestId("script-notice");
    await expect(notice).toContainText(new RegExp(`refused one part of the script as possibly unsafe: part \\d+ of ${calls} `), { timeout: 30_000 });
    const failed = /part (\d+) of/.exec((await notice.textContent()) ?? "")![1];
    expect(Number(failed)).toBeGreaterThan(1);
    const retry = dialog.getByRole("button", { name: "Retry failed parts" });
    await expect(retry).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await retry.click();
    await expect(notice).toContainText(`part ${failed} of ${calls} `, { timeout: 30_000 });
    await expect(dialog.getByTestId("script-accept")).toHaveCount(0);
    await dialog.getByRole("button", { name: "Discard draft" }).click();
    await expect(notice).toHaveText("Draft discarded.");
    await expect(retry).toHaveCount(0);
  });

  test("375 px, dark: the dialog and its draft stay readable and axe clean", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.setViewportSize({ width: 375, height: 800 });
    await createFilm(page, `Script small ${Date.now()}`, "9:16");
    await page.getByTestId("open-script-breakdown").click();
    const dialog = page.getByTestId("script-breakdown");
    await dialog.getByRole("textbox", { name: /Script/ }).fill("A bottle turns on a white table. Light sweeps across the label.\nNARRATOR: Fresh every morning.");
    await dialog.getByTestId("script-break-down").click();
    await expect(dialog.getByTestId("script-draft-shot")).toHaveCount(3, { timeout: 30_000 });
    await expectNoSeriousA11yViolations(page);
  });
});
