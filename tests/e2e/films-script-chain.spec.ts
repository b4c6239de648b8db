import { expect, type Page, test } from "@playwright/test";
import { card, createFilm, makeOneTake, makeStills, select, ZH_SCRIPT } from "./films-helpers";
import { expectNoSeriousA11yViolations, signInViaUi, signUpViaApi, tabTo, uniqueEmail } from "./helpers";
import { STORED_TIMEOUT, uniquePrompt } from "./studio-helpers";

// Issue 14's whole chain in a Chinese browser, against the production build, the worker and the
// simulator: a team member pastes a script, edits the draft shot list and adds it to a film; makes
// stills for the two dialogue shots and picks one for each (shown as the still in the shot editor's
// frame source); animates them; voices both lines with a voice per character; exports with burned-in
// captions and plays the export; the team's usage page then shows the spend of every kind of call.
// The script dialog, picking a still and starting the export are done by keyboard; axe on the draft,
// on a shot with stills and on the usage page; a 375 px dark screenshot of the film at the end.

test.use({ locale: "zh-CN", storageState: { cookies: [], origins: [] } });

/** The selected shot's line is spoken by `speaker` with `voice`; waits until it can be previewed. */
async function voiceLine(page: Page, speaker: string, voice: { value: string; label: string }) {
  const section = page.getByTestId("voice-section");
  await section.getByTestId("voice-speaker").fill(speaker);
  await section.getByTestId("voice-voice").selectOption(voice.value);
  await expect(section.getByTestId("voice-speak")).toHaveText(/^朗读台词 · ¥\d+\.\d\d$/);
  await section.getByTestId("voice-speak").click();
  await expect(section.getByTestId("voice-notice")).toHaveText("正在朗读台词。");
  const state = section.getByTestId("voice-state");
  await expect(state).toHaveAttribute("data-status", "done", { timeout: STORED_TIMEOUT });
  await expect(state.getByRole("status")).toHaveText(new RegExp(`^配音已就绪：\\d+\\.\\d 秒，${voice.label}。$`));
  const audio = section.getByTestId("voice-audio");
  await expect(audio).toHaveAccessibleName("配音试听");
  await expect.poll(() => audio.evaluate((a: HTMLAudioElement) => (a.readyState >= 1 ? a.duration : 0)), { timeout: 20_000 }).toBeGreaterThan(0.3);
}

test("剧本 → 分镜 → 静帧 → 视频 → 配音 → 导出 → 用量 (zh-CN)", async ({ page }) => {
  // Three takes, two stills batches, two lines and a render, each waited on with its own deadline.
  test.setTimeout(STORED_TIMEOUT * 3);
  const email = uniqueEmail("chain-zh");
  await signUpViaApi(page, email);
  await signInViaUi(page, email);
  await page.waitForURL((u) => u.pathname === "/");
  const created = await page.request.post("/api/teams", { data: { name: `剧组 ${uniquePrompt("team")}` } });
  expect(created.status(), await created.text()).toBe(201);
  const teamId = ((await created.json()) as { id: string }).id;
  expect((await page.request.put("/api/workspace", { data: { teamId } })).status()).toBe(200);

  // 1. A film in the team, and the script pasted into "从剧本创建" by keyboard.
  await createFilm(page, `雨夜 ${uniquePrompt("film")}`, "16:9");
  const filmUrl = page.url();
  await page.getByRole("button", { name: "从剧本创建" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "剧本 → 分镜表" });
  const text = dialog.getByRole("textbox", { name: /^剧本、小说片段或产品简介/ });
  await expect(text).toBeFocused();
  await page.keyboard.insertText(ZH_SCRIPT);
  await expect(dialog.getByText(`${[...ZH_SCRIPT].length} / 20,000 字符`)).toBeVisible();
  await expect(dialog.getByTestId("script-estimate")).toHaveText(/^拆解最多预扣 ¥\d+\.\d\d/);
  await tabTo(page, dialog.getByRole("button", { name: "拆解" }));
  await page.keyboard.press("Enter");

  // 2. The draft: nine shots; keep the opening narration and the two café lines, reword a prompt and a line.
  const rows = dialog.getByTestId("script-draft-shot");
  await expect(rows).toHaveCount(9, { timeout: 30_000 });
  await expect(dialog.getByTestId("script-draft-summary")).toContainText("草稿：9 个镜头");
  await expectNoSeriousA11yViolations(page);
  // Deleting by keyboard leaves the focus on the next row's delete button (the new last one after the last).
  await dialog.getByRole("button", { name: "删除镜头 9" }).focus();
  for (const n of [9, 8, 7, 6, 5]) {
    await page.keyboard.press("Enter");
    await expect(rows).toHaveCount(n - 1);
    await expect(dialog.getByRole("button", { name: `删除镜头 ${n - 1}` })).toBeFocused();
  }
  await dialog.getByRole("button", { name: "删除镜头 2" }).focus();
  await page.keyboard.press("Enter");
  await expect(rows).toHaveCount(3);
  await expect(dialog.getByRole("button", { name: "删除镜头 2" })).toBeFocused();
  await expect(rows.nth(1).getByRole("textbox", { name: "台词或字幕" })).toHaveValue("有人在吗？");
  // The edits are saved on their own a moment after the last one: wait for the save that carries them.
  const saved = page.waitForResponse((r) => r.url().endsWith("/draft") && r.request().method() === "PUT" && (r.request().postData() ?? "").includes("请问，有人在吗？"));
  await rows.nth(0).getByRole("textbox", { name: "提示词" }).fill("小林推门而入，雨水从伞上滴落。电影感镜头，柔和光线。");
  await rows.nth(1).getByRole("textbox", { name: "台词或字幕" }).fill("请问，有人在吗？");
  expect((await saved).status()).toBe(200);
  await expect(dialog.getByTestId("script-notice")).toHaveText("草稿已保存。");
  await tabTo(page, dialog.getByRole("button", { name: "将 3 个镜头加入影片" }), 40);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("shot-card")).toHaveCount(3);
  await expect(page.getByTestId("film-notice")).toHaveText("已将 3 个镜头加入影片。");

  // 3 + 4. Stills for the two dialogue shots; one picked by keyboard as each shot's first frame,
  // presented as the still in the editor's frame source; then a take from it at the shown price.
  for (const [position, pick] of [
    [1, 2],
    [2, 1],
  ] as const) {
    await select(page, position);
    await expect(page.getByTestId("shot-editor").getByRole("textbox", { name: "字幕" })).toHaveValue(position === 1 ? "请问，有人在吗？" : "我们打烊了。");
    const panel = await makeStills(page, 2);
    await panel.getByRole("button", { name: `用作首帧（静帧 ${pick}）` }).focus();
    await page.keyboard.press("Enter");
    await expect(panel.getByTestId("stills-notice")).toHaveText("该静帧已设为镜头的首帧。");
    await expect(panel.getByTestId("still").filter({ hasText: `静帧 ${pick}` })).toContainText("首帧");
    const source = page.getByTestId("shot-editor").getByRole("combobox", { name: "首帧来源" });
    await expect(source).toHaveValue("still");
    await expect(source.locator("option:checked")).toHaveText("本镜头的静帧");
    const thumb = page.getByTestId("frame-still").getByRole("img", { name: "用作首帧的静帧" });
    await expect.poll(() => thumb.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
    await expect(page.getByTestId("shot-editor").getByLabel("首帧图片")).toHaveCount(0);
    if (position === 1) await expectNoSeriousA11yViolations(page);
    await makeOneTake(page, 1);
  }
  // The narration shot is a text shot: one take of it too, so every shot has something to export.
  await select(page, 0);
  await makeOneTake(page, 1);

  // 5. Each line spoken by its character's voice, previewable in the shot.
  await select(page, 1);
  await voiceLine(page, "小林", { value: "xiaochen", label: "小陈" });
  await select(page, 2);
  await voiceLine(page, "老板", { value: "chuichui", label: "锤锤" });

  // 6. Every shot stored, then the export (captions burnt in, the lines mixed in) started by keyboard, and played.
  for (const i of [0, 1, 2]) await expect(card(page, i)).toHaveAttribute("data-status", "ready", { timeout: STORED_TIMEOUT });
  const exportsPanel = page.getByTestId("exports-panel");
  await expect(exportsPanel.getByRole("checkbox", { name: "烧录字幕" })).toBeChecked();
  await exportsPanel.getByTestId("start-export").focus();
  await page.keyboard.press("Enter");
  await expect(exportsPanel.getByTestId("exports-notice")).toHaveText("导出已开始。");
  const exported = exportsPanel.getByTestId("export").first();
  await expect(exported).toHaveAttribute("data-status", "READY", { timeout: STORED_TIMEOUT });
  await expect(exported).toContainText("含字幕");
  const player = exported.getByTestId("export-video");
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 30_000 }).toBeGreaterThan(5);
  await player.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    void v.play();
  });
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => (v.readyState >= 2 ? v.currentTime : 0)), { timeout: 30_000 }).toBeGreaterThan(0.5);
  await player.evaluate((v: HTMLVideoElement) => v.pause());

  // 7. The team's usage: spend shown for each kind of call this chain made.
  await page.goto(`/teams/${teamId}/usage`);
  const kinds = page.getByRole("table", { name: "按类型" });
  for (const kind of ["视频", "文本（提示词助手、剧本拆解）", "静帧", "语音"]) {
    const row = kinds.getByRole("row", { name: new RegExp(`^${kind.replace(/[()（）]/g, "\\$&")}`) });
    await expect(row.getByRole("cell")).toHaveText(/^¥\d+\.\d\d$/);
    await expect(row.getByRole("cell")).not.toHaveText("¥0.00");
  }
  await expectNoSeriousA11yViolations(page);

  // The film at 375 px in dark mode: no sideways scroll; the picture for the docs.
  await page.setViewportSize({ width: 375, height: 812 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(filmUrl);
  await expect(page.getByTestId("shot-card")).toHaveCount(3);
  for (const i of [0, 1, 2]) await expect(card(page, i)).toHaveAttribute("data-status", "ready");
  await expect(page.getByTestId("export").first()).toHaveAttribute("data-status", "READY");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.screenshot({ path: "test-results/screenshots/script-chain-375-dark.png", fullPage: true });
});
