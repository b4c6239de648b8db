import { expect, type Locator, type Page } from "@playwright/test";

// Steps of the storyboard e2e specs (films.spec.ts, films-library.spec.ts, stills.spec.ts,
// films-script-chain.spec.ts). The labels are matched in English and Chinese, so a step serves a
// spec in either language.

/** A 10-line Chinese script: two scene headings, narration, and dialogue lines ("名字：台词") of four characters. */
export const ZH_SCRIPT = [
  "内景 咖啡馆 夜",
  "小林推门走进咖啡馆。她四处张望。",
  "小林：有人在吗？",
  "老板：我们打烊了。",
  "小林在窗边坐下。",
  "外景 街道 雨",
  "小林撑伞离开，雨越下越大。",
  "一辆出租车停在路边。",
  "司机：去哪儿？",
  "小林：回家。",
].join("\n");

export function card(page: Page, position: number): Locator {
  return page.locator(`[data-testid="shot-card"][data-position="${position}"]`);
}

export async function createFilm(page: Page, title: string, aspect: "16:9" | "9:16") {
  await page.goto("/films");
  await expect(page.getByRole("heading", { name: /^(Films|影片)$/, level: 1 })).toBeVisible();
  await expect(page.getByText(/^(Loading films…|正在加载影片…)$/)).toHaveCount(0);
  await page.getByLabel(/^(Title|标题)$/).fill(title);
  await page.getByRole("radio", { name: aspect }).check({ force: true });
  await page.getByTestId("create-film").click();
  await page.waitForURL(/\/films\/[a-z0-9]+$/);
  await expect(page.getByTestId("film-title")).toHaveText(title);
  await expect(page.getByText(aspect, { exact: false }).first()).toBeVisible();
}

export async function addShots(page: Page, n: number) {
  for (let i = 1; i <= n; i++) {
    await page.getByTestId("add-shot").click();
    await expect(page.getByTestId("shot-card")).toHaveCount(i);
    await expect(page.getByTestId("film-notice")).toHaveText(`Shot ${i} added.`);
  }
}

export async function select(page: Page, position: number) {
  await card(page, position).getByTestId("shot-select").click();
  await expect(page.getByRole("heading", { name: new RegExp(`^(Shot|镜头) ${position + 1}$`), level: 2 })).toBeVisible();
}

/** Types the prompt of the selected shot, optionally chains it, saves and waits for "saved". */
export async function editShot(page: Page, prompt: string, opts: { chain?: boolean } = {}) {
  const editor = page.getByTestId("shot-editor");
  await editor.getByRole("textbox", { name: "Prompt" }).fill(prompt);
  await expect(editor.getByTestId("save-state")).toHaveAttribute("data-state", "dirty");
  if (opts.chain) await editor.getByTestId("chain-previous").click();
  await editor.getByTestId("save-shot").click();
  await expect(editor.getByTestId("save-state")).toHaveAttribute("data-state", "saved");
}

/** Makes one take of the selected shot (after the price is shown) and returns its row. */
export async function makeOneTake(page: Page, expectedTakes: number): Promise<Locator> {
  const panel = page.getByTestId("takes-panel");
  await expect(panel.getByTestId("takes-estimate")).toContainText("× 1 =");
  await expect(panel.getByTestId("make-takes")).toContainText(/(Make 1 take|生成 1 个镜次) · ¥\d/);
  await panel.getByTestId("make-takes").click();
  await expect(panel.getByTestId("takes-notice")).toHaveText(/^(1 take started\.|已开始 1 个镜次。)$/);
  await expect(panel.getByTestId("take")).toHaveCount(expectedTakes);
  return panel.getByTestId("take").nth(expectedTakes - 1);
}

/** Makes `n` stills of the selected shot (price on the button) and waits until all are ready; returns the panel. */
export async function makeStills(page: Page, n: number): Promise<Locator> {
  const panel = page.getByTestId("stills-panel");
  await panel.getByLabel(/^(Number of stills|静帧数量)$/).selectOption(String(n));
  await expect(panel.getByTestId("make-stills")).toHaveText(new RegExp(`^(Make ${n} stills?|生成 ${n} 张静帧) · ¥\\d`));
  await panel.getByTestId("make-stills").click();
  await expect(panel.getByTestId("stills-notice")).toHaveText(new RegExp(`^(${n} stills? (is|are) on the way\\.|已开始生成 ${n} 张静帧。)$`));
  await expect(panel.locator('[data-testid="still"][data-state="ready"]')).toHaveCount(n, { timeout: 60_000 });
  return panel;
}
