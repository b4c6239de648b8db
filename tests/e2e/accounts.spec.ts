import { type Browser, type BrowserContextOptions, expect, type Page, test } from "@playwright/test";
import { startSmtpSink } from "../support/smtp-sink";
import { e2eSmtpPort, expectNoSeriousA11yViolations, PASSWORD, signInViaUi, signUpViaApi, STORAGE_STATE, uniqueEmail } from "./helpers";

// Issue 15, "Accounts and administration": the account page (display name in the header, password
// change, active sessions: sign one browser out, all others, or everywhere; language), the admin's user list (search, disable ends the user's
// sessions), the admin's one-time reset link, and the invitation landing for a newcomer. Each person
// is a separate browser context. The global owner (first account, instance admin) is only the admin
// here: its password and sessions are never touched, other specs reuse its signed-in state.

const FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

async function person(browser: Browser, tag: string): Promise<{ email: string; page: Page }> {
  const email = uniqueEmail(tag);
  const page = await (await browser.newContext()).newPage();
  await signUpViaApi(page, email);
  await signInViaUi(page, email);
  await page.waitForURL((u) => u.pathname === "/");
  return { email, page };
}

/** A second signed-in device of the same person (`options`: another browser, another time zone). */
async function secondDevice(browser: Browser, email: string, password = PASSWORD, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await signInViaUi(page, email, password);
  await page.waitForURL((u) => u.pathname === "/");
  return page;
}

async function admin(browser: Browser): Promise<Page> {
  return (await browser.newContext({ storageState: STORAGE_STATE })).newPage();
}

/** Whether this device is still signed in (an app page stays, or sends it to sign-in). */
async function expectSignedOut(page: Page) {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
}

test("the account page: a display name replaces the email in the header; axe clean light and dark; 375 px", async ({ browser }) => {
  const { email, page } = await person(browser, "named");
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await expect(page.getByText("Your email cannot be changed here.")).toBeVisible();
  await page.getByLabel("Display name").fill("Mei Lin");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("profile-feedback")).toHaveText("Saved.");
  await expect(page.getByTestId("signed-in-as")).toContainText("Signed in as Mei Lin");
  await expect(page.getByTestId("signed-in-as")).not.toContainText(email);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.reload();
    await expectNoSeriousA11yViolations(page);
  }
  await page.setViewportSize({ width: 375, height: 800 });
  await page.reload();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  // Keyboard: the name field is reachable and the save button answers Enter.
  await page.getByLabel("Display name").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("profile-feedback")).toHaveText("Saved.");
});

test("password change: a wrong current password is a field error; success keeps this device and signs the others out", async ({ browser }) => {
  test.setTimeout(120_000); // three sign-ins, each a deliberately slow password hash on a shared 2-core machine
  const { email, page } = await person(browser, "pw");
  const other = await secondDevice(browser, email);
  await page.goto("/account");
  await page.getByLabel("Current password").fill("not my password at all");
  await page.getByLabel("New password").fill("a brand new password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Enter your current password.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-feedback")).toHaveText(/Password changed/);
  // This device continues; the other one is signed out.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expectSignedOut(other);
  // The new password signs in.
  await signInViaUi(other, email, "a brand new password");
  await other.waitForURL((u) => u.pathname === "/");
});

test("sign out everywhere ends this device's session and the others'", async ({ browser }) => {
  const { email, page } = await person(browser, "everywhere");
  const other = await secondDevice(browser, email);
  await page.goto("/account");
  await expect(page.getByTestId("session-item")).toHaveCount(2);
  await page.getByRole("button", { name: "Sign out everywhere", exact: true }).click();
  await expect(page.getByText("Sign out on every device, this one included?")).toBeVisible();
  await page.getByRole("group").getByRole("button", { name: "Sign out everywhere", exact: true }).click();
  await page.waitForURL((u) => u.pathname === "/sign-in");
  await expectSignedOut(page);
  await expectSignedOut(other);
});

test("active sessions: the second browser sees the first listed and signs it out (keyboard); the first is sent to sign-in; axe clean light and dark; 375 px", async ({ browser }) => {
  test.setTimeout(120_000); // two sign-ins, each a deliberately slow password hash on a shared 2-core machine
  const { email, page: first } = await person(browser, "sessions");
  // The second browser says it is Firefox on Linux and lives in Shanghai; the first is the project's Chrome on Windows.
  const second = await secondDevice(browser, email, PASSWORD, { userAgent: FIREFOX_LINUX, timezoneId: "Asia/Shanghai" });
  const shanghaiToday = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "Asia/Shanghai" }).format(new Date());
  await second.goto("/account");
  const items = second.getByTestId("session-item");
  await expect(items).toHaveCount(2);
  const here = second.locator("[data-testid=session-item][data-current]");
  await expect(here).toContainText("Firefox on Linux");
  await expect(here).toContainText("This device");
  // Times in the viewer's zone (a day ahead of UTC for part of each day).
  await expect(here).toContainText(`Signed in ${shanghaiToday}`);
  await expect(here).toContainText(`Last active ${shanghaiToday}`);
  await expect(here.getByRole("button")).toHaveCount(0); // this device is not signed out from the list
  await expect(second.locator("[data-testid=session-item]:not([data-current])")).toContainText("Chrome on Windows");
  for (const scheme of ["light", "dark"] as const) {
    await second.emulateMedia({ colorScheme: scheme });
    await expectNoSeriousA11yViolations(second);
  }
  await second.setViewportSize({ width: 375, height: 800 });
  expect(await second.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await second.getByRole("heading", { name: "Signed-in browsers" }).scrollIntoViewIfNeeded();
  await second.screenshot({ path: "test-results/screenshots/account-sessions-375-dark.png" });
  // Keyboard: the other browser's button, by its full name, answers Enter.
  await second.getByRole("button", { name: /^Sign out Chrome on Windows \(signed in .+\)$/ }).focus();
  await second.keyboard.press("Enter");
  await expect(second.getByTestId("sessions-feedback")).toHaveText("Chrome on Windows is signed out.");
  await expect(items).toHaveCount(1);
  await expect(second.getByText("No other browser is signed in.")).toBeVisible();
  await expect(second.getByRole("heading", { name: "Signed-in browsers" })).toBeFocused();
  await expectSignedOut(first);
  // This browser stays signed in.
  await second.reload();
  await expect(second.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
});

test("zh-CN active sessions: 在其他所有设备退出 signs the other browser out and keeps this one; axe clean", async ({ browser }) => {
  test.setTimeout(120_000);
  const { email, page: first } = await person(browser, "sessions-zh");
  await first.goto("/account");
  await first.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await first.getByRole("button", { name: "Save", exact: true }).click();
  await expect(first.getByTestId("profile-feedback")).toHaveText("Saved.");
  const second = await secondDevice(browser, email, PASSWORD, { userAgent: FIREFOX_LINUX });
  await second.goto("/account");
  await expect(second.getByRole("heading", { name: "已登录的浏览器" })).toBeVisible();
  await expect(second.getByTestId("session-item")).toHaveCount(2);
  await expect(second.locator("[data-testid=session-item][data-current]")).toContainText("本设备");
  await expect(second.locator("[data-testid=session-item][data-current]")).toContainText("Linux 上的 Firefox");
  await expect(second.locator("[data-testid=session-item]:not([data-current])")).toContainText("Windows 上的 Chrome");
  await expectNoSeriousA11yViolations(second);
  await second.getByRole("button", { name: "在其他所有设备退出" }).click();
  await expect(second.getByTestId("sessions-feedback")).toHaveText("已退出其他 1 个会话。");
  await expect(second.getByTestId("session-item")).toHaveCount(1);
  await expectSignedOut(first);
  await second.reload();
  await expect(second.getByRole("heading", { level: 1, name: "我的账号" })).toBeVisible();
});

test("admin: search the user list, disable a user (their other browser is signed out at once), enable again", async ({ browser }) => {
  const { email, page: theirs } = await person(browser, "disable-me");
  const page = await admin(browser);
  await page.goto("/admin");
  await expect(page.getByText("Only people with an invitation can create an account.").or(page.getByText("Anyone who can reach this address can create an account."))).toBeVisible();
  await page.getByLabel("Search by email or name").fill(email);
  await expect(page.getByTestId("admin-user-row")).toHaveCount(1);
  const row = page.getByTestId("admin-user-row");
  await expect(row).toContainText("Last seen");
  await expect(row).toContainText("¥0.00");
  await expect(row).toContainText("Signed-in browsers");
  await expect(row.getByTestId("user-sessions")).toHaveText("1");
  await row.getByRole("button", { name: `Disable: ${email}` }).click();
  await expect(page.getByTestId("admin-users-feedback")).toHaveText(`${email} is disabled and signed out everywhere.`);
  await expect(row).toContainText("Disabled");
  await expect(row.getByTestId("user-sessions")).toHaveText("0");
  await expectSignedOut(theirs);
  await row.getByRole("button", { name: `Enable: ${email}` }).click();
  await expect(page.getByTestId("admin-users-feedback")).toHaveText(`${email} can sign in again.`);
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.reload();
  await expectNoSeriousA11yViolations(page);
});

test("admin reset link: the user sets a new password through it once; a used link says so plainly", async ({ browser }) => {
  const { email } = await person(browser, "forgot");
  const page = await admin(browser);
  await page.goto("/admin");
  await page.getByLabel("Search by email or name").fill(email);
  await expect(page.getByTestId("admin-user-row")).toHaveCount(1);
  await page.getByRole("button", { name: `Reset link: ${email}` }).click();
  const url = await page.getByTestId("reset-link-url").inputValue();
  expect(url).toMatch(/\/reset\/[A-Za-z0-9_-]{43}$/);

  const anon = await (await browser.newContext()).newPage();
  await anon.goto(new URL(url).pathname);
  await expect(anon.getByRole("heading", { name: "Set a new password" })).toBeVisible();
  await expect(anon.getByText(`For ${email}`)).toBeVisible();
  await expectNoSeriousA11yViolations(anon);
  await anon.getByLabel("New password").fill("reset password 2026");
  await anon.getByRole("button", { name: "Set password" }).click();
  await expect(anon.getByText("Your password is set. Sign in with it now.")).toBeVisible();
  await signInViaUi(anon, email, "reset password 2026");
  await anon.waitForURL((u) => u.pathname === "/");
  await anon.goto(new URL(url).pathname);
  await expect(anon.getByText("This reset link has expired or was already used. Ask an administrator for a new one.")).toBeVisible();
});

test("forgot password by email, by keyboard: sign-in → /forgot → one mail whose link sets a new password once; axe clean", async ({ browser }) => {
  const sink = await startSmtpSink(e2eSmtpPort());
  try {
    const email = uniqueEmail("mailed");
    const page = await (await browser.newContext()).newPage();
    await signUpViaApi(page, email);
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/forgot$/);
    await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    await page.getByLabel("Email").focus();
    await page.keyboard.type(email);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("forgot-feedback")).toHaveText(`If an account exists for ${email}, we sent it a link to set a new password. It works once, for 24 hours. Check your inbox (and the spam folder).`);
    await expect.poll(() => sink.mails.length, { timeout: 30_000 }).toBe(1);
    const mail = sink.mails[0]!;
    expect(mail.to).toEqual([email]);
    expect(mail.subject).toBe("Reset your Framehouse password");
    const link = /http:\/\/127\.0\.0\.1:\d+(\/reset\/[A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
    expect(link).toBeDefined();

    await page.goto(link!);
    await expect(page.getByText(`For ${email}`)).toBeVisible();
    await page.getByLabel("New password").focus();
    await page.keyboard.type("mailed password 2026");
    await page.keyboard.press("Enter");
    await expect(page.getByText("Your password is set. Sign in with it now.")).toBeVisible();
    await signInViaUi(page, email, "mailed password 2026");
    await page.waitForURL((u) => u.pathname === "/");
    await page.goto(link!);
    await expect(page.getByText("This reset link has expired or was already used. Ask an administrator for a new one.")).toBeVisible();
  } finally {
    await sink.close();
  }
});

test("zh-CN forgot password at 375 px in dark mode: the page, the answer and the mail in Chinese; unknown email answered alike, no mail", async ({ browser }) => {
  const sink = await startSmtpSink(e2eSmtpPort());
  try {
    const email = uniqueEmail("mailed-zh");
    const page = await (await browser.newContext({ locale: "zh-CN", viewport: { width: 375, height: 740 }, colorScheme: "dark" })).newPage();
    await signUpViaApi(page, email);
    await page.goto("/forgot");
    await expect(page.getByRole("heading", { level: 1, name: "忘记密码？" })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
    const unknown = uniqueEmail("nobody");
    await page.getByLabel("邮箱").fill(unknown);
    await page.getByRole("button", { name: "发送重置链接" }).click();
    await expect(page.getByTestId("forgot-feedback")).toContainText(`如果存在使用 ${unknown} 的账号`);
    await page.getByLabel("邮箱").fill(email);
    await page.getByRole("button", { name: "发送重置链接" }).click();
    await expect(page.getByTestId("forgot-feedback")).toContainText(`如果存在使用 ${email} 的账号`);
    await expect.poll(() => sink.mails.length, { timeout: 30_000 }).toBe(1);
    expect(sink.mails[0]!.to).toEqual([email]);
    expect(sink.mails[0]!.subject).toBe("重置您的 Framehouse 密码");
    expect(sink.mails[0]!.text).toContain("该链接仅可使用一次");
    await expectNoSeriousA11yViolations(page);
  } finally {
    await sink.close();
  }
});

test("zh-CN: choosing Chinese on the account page switches the UI, on a new device too", async ({ browser }) => {
  const { email, page } = await person(browser, "zh");
  await page.goto("/account");
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("profile-feedback")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "我的账号" })).toBeVisible();
  await expect(page.getByRole("button", { name: "在所有设备退出" })).toBeVisible();
  await page.getByLabel("当前密码").fill("wrong wrong wrong");
  await page.getByLabel("新密码").fill("a brand new password");
  await page.getByRole("button", { name: "修改密码" }).click();
  await expect(page.getByText("请输入当前密码。")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  // A browser that never chose a language (English Accept-Language) takes the account's after sign-in.
  const other = await secondDevice(browser, email);
  await expect(other.getByRole("link", { name: "账号" })).toBeVisible();
});

test("invite landing: a signed-out newcomer sees the team, inviter and role, creates an account first, then joins", async ({ browser }) => {
  const owner = await admin(browser);
  const team = await owner.request.post("/api/teams", { data: { name: `Landing ${Date.now().toString(36)}` } });
  expect(team.status(), await team.text()).toBe(201);
  const { id: teamId, name } = (await team.json()) as { id: string; name: string };
  const invite = await owner.request.post(`/api/teams/${teamId}/invites`, { data: { kind: "link", role: "MEMBER", expiresInHours: 24, maxUses: 1 } });
  expect(invite.status(), await invite.text()).toBe(201);
  const joinPath = `/join/${((await invite.json()) as { token: string }).token}`;

  const anon = await (await browser.newContext()).newPage();
  await anon.goto(joinPath);
  await expect(anon.getByTestId("join-landing-body")).toHaveText(`Owner invites you to join ${name} as Member.`);
  await expectNoSeriousA11yViolations(anon);
  await anon.getByRole("link", { name: "Create an account" }).click();
  await anon.getByLabel("Email").fill(uniqueEmail("newcomer"));
  await anon.getByLabel("Password").fill(PASSWORD);
  await anon.getByRole("button", { name: "Create account" }).click();
  await anon.waitForURL((u) => u.pathname === joinPath);
  await anon.getByRole("button", { name: "Accept and join" }).click();
  await anon.waitForURL((u) => u.pathname === `/teams/${teamId}`);
});
