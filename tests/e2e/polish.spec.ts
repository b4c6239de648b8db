import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, signInViaUi, STORAGE_STATE } from "./helpers";
import { stableToken, STORED_TIMEOUT } from "./studio-helpers";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";

// Issue 15, "Teams and sharing" and "Polish that users notice", as people see them: a shared clip's
// link-preview card (read by a chat app's fetcher, signed out) and the share page's language switch;
// audit details in words with times in the viewer's zone; the gallery tile's focus ring; no keyboard
// hints on a touch screen; a one-time invite link that survives a failed "create link"; creating a
// team switches the workspace and the account, not the browser, remembers it. Both languages, axe,
// 375 px and dark mode.
test.describe.configure({ mode: "serial" });

// Unique to this file, and the same in every run, so its clips come from the render cache (stableToken).
const run = stableToken("polish.spec");
const PROMPT = `A red kite over a grey sea ${run}`;
const TEAM = `Polish ${run}`;
const FEISHU_UA = "Mozilla/5.0 (compatible; LarkUrl2Card; +https://www.feishu.cn)";
const SHOTS = "test-results/screenshots";
const ENDED = ["FAILED", "REJECTED", "EXPIRED", "ORPHANED", "CANCELLED"];
let clipId = "";
let teamClipId = "";
let teamId = "";
let token = "";

/** One text clip (in `team`, else personal) through the real pipeline, awaited until its poster exists.
 *  The simulator fails a share of takes on purpose, so a failed one is simply made again. */
async function storedClip(request: APIRequestContext, prompt: string, team?: string): Promise<string> {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const res = await request.post(`/api/generations${team ? `?team=${team}` : ""}`, {
      headers: { "Idempotency-Key": `polish-${run}-${team ?? "me"}-${attempt}` },
      data: { mode: "text", prompt: `${prompt}${attempt > 1 ? ` (${attempt})` : ""}`, style: "general", aspectRatio: "16:9", movementAmplitude: "auto" },
    });
    expect(res.status(), await res.text()).toBe(202);
    const id = ((await res.json()) as { id: string }).id;
    let state = "";
    await expect
      .poll(
        async () => {
          const v = (await (await request.get(`/api/generations/${id}`)).json()) as { status: string; derivatives?: string };
          state = `${v.status}/${v.derivatives ?? "-"}`;
          return v.status === "STORED" ? v.derivatives !== "pending" : ENDED.includes(v.status);
        },
        { timeout: STORED_TIMEOUT },
      )
      .toBe(true);
    if (state === "STORED/ready") return id;
  }
  throw new Error("no stored clip after three takes");
}

function ownerEmail(): string {
  return (JSON.parse(fs.readFileSync(path.join(path.dirname(STORAGE_STATE), "owner.json"), "utf8")) as { email: string }).email;
}

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(3 * STORED_TIMEOUT + 60_000);
  const ctx = await browser.newContext({ storageState: STORAGE_STATE });
  const api = ctx.request;
  clipId = await storedClip(api, PROMPT);
  const share = await api.post(`/api/generations/${clipId}/share-links`, { data: { showPrompt: true } });
  expect(share.status(), await share.text()).toBe(201);
  token = ((await share.json()) as { token: string }).token;
  // A team with events of several kinds for its audit log (made through the API: the owner's workspace stays personal).
  const team = await api.post("/api/teams", { data: { name: `Audit ${run}` } });
  expect(team.status()).toBe(201);
  teamId = ((await team.json()) as { id: string }).id;
  expect((await api.put(`/api/teams/${teamId}/budgets`, { data: { scope: "TEAM_MONTHLY", limitFen: 5000 } })).status()).toBe(200);
  expect((await api.post(`/api/teams/${teamId}/invites`, { data: { kind: "link", role: "MEMBER", expiresInHours: 48 } })).status()).toBe(201);
  teamClipId = await storedClip(api, `Team kite ${run}`, teamId);
  await ctx.close();
});

async function cardOf(browser: Browser, acceptLanguage: string) {
  const ctx = await browser.newContext({ userAgent: FEISHU_UA, extraHTTPHeaders: { "Accept-Language": acceptLanguage } });
  const res = await ctx.request.get(`/s/${token}`);
  expect(res.status()).toBe(200);
  const html = await res.text();
  await ctx.close();
  const head = html.slice(0, html.indexOf("</head>"));
  const meta = (attr: string, name: string) => new RegExp(`<meta ${attr}="${name.replace(":", "\\:")}" content="([^"]*)"`).exec(head)?.[1] ?? null;
  return {
    title: /<title>([^<]*)<\/title>/.exec(head)?.[1] ?? null,
    ogTitle: meta("property", "og:title"),
    ogImage: meta("property", "og:image"),
    ogVideo: meta("property", "og:video"),
    ogLocale: meta("property", "og:locale"),
    twitterCard: meta("name", "twitter:card"),
    twitterImage: meta("name", "twitter:image"),
    description: meta("name", "description"),
  };
}

test("share page: a link-preview card from the clip (title, poster and video that load signed out), in both languages", async ({ browser }) => {
  for (const [lang, locale] of [
    ["en", "en_US"],
    ["zh-CN", "zh_CN"],
  ] as const) {
    const card = await cardOf(browser, lang);
    expect(card.title).toBe(`${PROMPT} · Framehouse`);
    expect(card.ogTitle).toBe(`${PROMPT} · Framehouse`);
    expect(card.description).toBe(PROMPT);
    expect(card.ogLocale).toBe(locale);
    expect(card.twitterCard).toBe("summary_large_image");
    expect(card.ogImage).toMatch(new RegExp(`^http://[^/]+/api/s/${token}/poster\\.jpg$`));
    expect(card.twitterImage).toBe(card.ogImage);
    expect(card.ogVideo).toMatch(new RegExp(`^http://[^/]+/api/s/${token}/video\\.mp4$`));
    // What the chat app fetches next, with no cookie at all.
    const outsider = await browser.newContext();
    const image = await outsider.request.get(card.ogImage!);
    expect([image.status(), image.headers()["content-type"]]).toEqual([200, "image/jpeg"]);
    const video = await outsider.request.get(card.ogVideo!, { headers: { Range: "bytes=0-99" } });
    expect([video.status(), video.headers()["content-type"]]).toEqual([206, "video/mp4"]);
    await outsider.close();
  }
});

test("share page: the tab is named after the clip and the language switch changes the page (zh-CN ↔ en); axe clean; 375 px dark", async ({ browser }) => {
  const ctx = await browser.newContext({ locale: "en-US" });
  const page = await ctx.newPage();
  await page.goto(`/s/${token}`);
  await expect(page).toHaveTitle(`${PROMPT} · Framehouse`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Shared clip");
  const switcher = page.getByRole("group", { name: "Language" });
  await switcher.getByRole("button", { name: "中文" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("分享的片段");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("group", { name: "语言" }).getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("group", { name: "语言" }).getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Shared clip");
  await expectNoSeriousA11yViolations(page);
  await ctx.close();

  const small = await browser.newContext({ locale: "zh-CN", viewport: { width: 375, height: 812 }, colorScheme: "dark" });
  const phone = await small.newPage();
  await phone.goto(`/s/${token}`);
  await expect(phone.getByRole("heading", { level: 1 })).toHaveText("分享的片段");
  await expect(phone.getByRole("group", { name: "语言" })).toBeVisible();
  await noSidewaysScroll(phone);
  await expectNoSeriousA11yViolations(phone);
  await phone.screenshot({ path: `${SHOTS}/share-page-375-dark-zh.png`, fullPage: true });
  await small.close();
});

test("audit log: details in words (¥, roles, durations), targets as links, times in the viewer's zone, said on the page; both languages; 375 px dark", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: STORAGE_STATE, locale: "en-US", timezoneId: "America/New_York" });
  const page = await ctx.newPage();
  await page.goto(`/teams/${teamId}/audit`);
  // The browser reports its zone once, and the page re-renders in it.
  await expect(page.getByTestId("time-zone-note")).toContainText("America/New_York");
  const rows = page.locator("tbody tr");
  const generated = rows.filter({ hasText: "Generated a clip" });
  await expect(generated.first().getByTestId("audit-details")).toContainText(/Cost:\s*¥\d+\.\d{2}/);
  await expect(generated.first().getByTestId("audit-details")).toContainText("Mode:Text → video");
  await expect(generated.first().getByRole("link", { name: /^Clip / })).toHaveAttribute("href", `/gallery/${teamClipId}`);
  await expect(rows.filter({ hasText: "Set a budget" }).getByTestId("audit-details")).toHaveText("No limit → ¥50.00");
  await expect(rows.filter({ hasText: "Invited someone" }).getByTestId("audit-details")).toContainText("Valid for:48 h");
  await expect(rows.filter({ hasText: "Invited someone" }).getByTestId("audit-details")).toContainText("Role:Member");
  for (const raw of ["costFen", "limitFen", "expiresInHours", "{", "}"]) await expect(page.locator("tbody")).not.toContainText(raw);
  // The time column reads in New York time: the newest event happened minutes ago there.
  const newest = await page.locator("tbody time").first().getAttribute("datetime");
  const expected = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "America/New_York" }).format(new Date(newest!));
  await expect(page.locator("tbody time").first()).toHaveText(expected);
  await expectNoSeriousA11yViolations(page);

  // A new device with a Chinese browser that chose no language: the account's saved language (English,
  // saved here) is the page's language from the first byte, and it never flips after the first paint,
  // not even when the browser reports its time zone and the page re-renders once.
  expect((await ctx.request.post("/api/locale", { data: { locale: "en" } })).status()).toBe(200);
  await ctx.close();
  const fresh = await browser.newContext({ storageState: STORAGE_STATE, locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  await fresh.clearCookies({ name: LOCALE_COOKIE });
  const freshPage = await fresh.newPage();
  await freshPage.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { langSeen: string[] }).langSeen = seen;
    new MutationObserver(() => seen.push(document.documentElement.lang)).observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
  });
  const first = await freshPage.goto(`/teams/${teamId}/audit`);
  expect(await first?.text()).toMatch(/<html[^>]* lang="en"/);
  await expect(freshPage.getByTestId("time-zone-note")).toContainText("Asia/Shanghai"); // the zone's one re-render is done
  await freshPage.waitForLoadState("networkidle");
  await expect(freshPage.locator("html")).toHaveAttribute("lang", "en");
  await expect(freshPage.getByTestId("time-zone-note")).toContainText("Times are shown in your time zone");
  expect(await freshPage.evaluate(() => (window as unknown as { langSeen: string[] }).langSeen.filter((l) => l !== "en"))).toEqual([]);
  await fresh.close();

  const zh = await browser.newContext({ storageState: STORAGE_STATE, locale: "zh-CN", timezoneId: "Asia/Shanghai", viewport: { width: 375, height: 812 }, colorScheme: "dark" });
  // This device chose Chinese (the language switch's cookie): its choice beats the account's English.
  await zh.addCookies([{ name: LOCALE_COOKIE, value: "zh-CN", url: test.info().project.use.baseURL ?? "" }]);
  const zhPage = await zh.newPage();
  await zhPage.goto(`/teams/${teamId}/audit`);
  await expect(zhPage.getByTestId("time-zone-note")).toContainText("时间按您的时区显示：Asia/Shanghai");
  await expect(zhPage.getByTestId("audit-details").filter({ hasText: "费用" }).first()).toContainText(/费用:\s*¥\d+\.\d{2}/);
  await expect(zhPage.getByTestId("audit-details").filter({ hasText: "有效期" }).first()).toContainText("48 小时");
  await noSidewaysScroll(zhPage);
  await expectNoSeriousA11yViolations(zhPage);
  await zhPage.screenshot({ path: `${SHOTS}/audit-375-dark-zh.png`, fullPage: true });
  await zhPage.goto(`/teams/${teamId}/usage`);
  await expect(zhPage.getByTestId("time-zone-note")).toContainText("Asia/Shanghai");
  await zh.close();
});

test("gallery tiles show a visible focus ring; keyboard hints show with a mouse and keyboard, never on a touch screen (both languages)", async ({ browser }) => {
  const ctx = await browser.newContext({ storageState: STORAGE_STATE, locale: "en-US" });
  const page = await ctx.newPage();
  await page.goto("/gallery");
  const tile = page.locator(`[data-testid="gallery-card"][data-id="${clipId}"]`);
  await expect(tile).toBeVisible();
  await expect(page.locator("#gallery-search-hint")).toBeVisible();
  await page.keyboard.press("Shift"); // keyboard modality: a programmatic focus now shows focus-visible
  await tile.locator("a[data-card-index]").focus();
  await expect.poll(() => tile.evaluate((li) => [getComputedStyle(li).outlineStyle, getComputedStyle(li).outlineWidth].join(" "))).toBe("solid 3px");
  await tile.screenshot({ path: `${SHOTS}/gallery-tile-focus.png` });
  await page.goto("/");
  await expect(page.locator("kbd").first()).toBeVisible();
  await ctx.close();

  for (const locale of ["en-US", "zh-CN"]) {
    const touch = await browser.newContext({ storageState: STORAGE_STATE, locale, hasTouch: true, isMobile: true, viewport: { width: 375, height: 812 } });
    const phone = await touch.newPage();
    await phone.goto("/gallery");
    await expect(phone.locator(`[data-testid="gallery-card"][data-id="${clipId}"]`)).toBeVisible();
    expect(await phone.evaluate(() => matchMedia("(hover: none) and (pointer: coarse)").matches)).toBe(true);
    await expect(phone.locator("#gallery-search-hint")).toBeHidden();
    await expect(phone.locator("#gallery-keyboard-help")).toBeHidden();
    await phone.goto("/");
    await expect(phone.getByTestId("generate")).toBeVisible();
    await expect(phone.locator("kbd:visible")).toHaveCount(0);
    await touch.close();
  }
});

test("a one-time invite link stays when a later 'create link' fails; a new team becomes the workspace, remembered by the account on another browser", async ({ browser }) => {
  test.setTimeout(120_000); // a fresh sign-in hashes the password on a shared 2-core machine
  const ctx = await browser.newContext({ storageState: STORAGE_STATE, locale: "en-US" });
  const page = await ctx.newPage();
  try {
    await page.goto("/teams");
    await page.getByLabel("Team name").fill(TEAM);
    await page.getByRole("button", { name: "Create team" }).click();
    await page.waitForURL(/\/teams\/[^/]+$/);
    await expect(page.getByTestId("workspace-switcher")).toHaveValue(page.url().split("/").pop()!);

    const form = page.getByRole("form", { name: "Invitation link" });
    await form.getByRole("button", { name: "Create link" }).click();
    const first = await form.getByLabel("New invitation link").inputValue();
    expect(first).toMatch(/\/join\/[A-Za-z0-9_-]{43}$/);
    await form.getByLabel("Number of uses").fill("0"); // refused by the server
    await form.getByRole("button", { name: "Create link" }).click();
    await expect(form.getByRole("alert")).toBeVisible();
    await expect(form.getByLabel("New invitation link")).toHaveValue(first);
    await form.getByLabel("Number of uses").fill("2");
    await form.getByRole("button", { name: "Create link" }).click();
    await expect(form.getByTestId("invite-url")).toHaveCount(2);
    await expect(form.getByLabel("New invitation link").nth(1)).toHaveValue(first);
    await expectNoSeriousA11yViolations(page);

    // Another browser (no cookies of this one): the same account opens in the same team.
    const other = await browser.newContext({ locale: "en-US" });
    const fresh = await other.newPage();
    await signInViaUi(fresh, ownerEmail());
    await fresh.waitForURL((u) => u.pathname === "/");
    await fresh.goto("/gallery");
    await expect(fresh.getByTestId("workspace-notice")).toContainText(TEAM);
    await other.close();
  } finally {
    // The other specs expect the owner's personal workspace.
    await page.request.put("/api/workspace", { data: { teamId: null } });
    await ctx.close();
  }
});
