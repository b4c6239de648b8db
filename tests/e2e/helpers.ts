import AxeBuilder from "@axe-core/playwright";
import { expect, type Locator, type Page } from "@playwright/test";

/** The app's port for this run (playwright.config.ts): runs beside each other each have their own. */
const E2E_PORT = Number(process.env.E2E_PORT || 3200);
/** The signed-in owner of this run's server (tests/e2e/global-setup.ts), one file per port. */
export const STORAGE_STATE = `test-results/.auth/${E2E_PORT}/user.json`;
export const PASSWORD = "correct horse battery staple";

/** The port of the SMTP sink the e2e app sends mail to (scripts/e2e-server.mjs: e2eSmtpPort). */
export function e2eSmtpPort(): number {
  return Number(process.env.E2E_SMTP_PORT || E2E_PORT + 1000);
}

/** A unique email per test, so tests never depend on each other's data. */
export function uniqueEmail(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/**
 * Opens `path` with the page's scripts held back, so the page is the server's HTML alone (as on a slow
 * connection or a busy machine) until the returned function releases them. Waits only for the response
 * to begin: "load", even DOMContentLoaded, would wait for the held scripts.
 */
export async function gotoWithScriptsHeld(page: Page, path: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(path, { waitUntil: "commit" });
  return release;
}

export async function signUpViaApi(page: Page, email: string, password = PASSWORD) {
  const res = await page.request.post("/api/account/sign-up", { data: { email, password } });
  expect(res.status(), await res.text()).toBe(201);
}

export async function signInViaUi(page: Page, email: string, password = PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole("button", { name: /^(Sign in|登录)$/ }).click();
}

/** axe-core scan: no serious or critical violation allowed (WCAG 2.x A/AA rules). */
export async function expectNoSeriousA11yViolations(page: Page) {
  // A dynamic page's metadata is streamed after its first bytes (Next hoists the <title> into the head
  // once generateMetadata resolves): scan the page as it is once it has its title, not before.
  await expect(page).toHaveTitle(/\S/);
  // Legacy mode runs axe.run in the page itself. The default instead opens a second, blank page for every
  // scan, injects axe-core into it again and merges the results there (so that cross-origin frames can be
  // scanned too; the studio has no frames): about 0.55x the scans' wall (bench/results.md, T1). Only the
  // violations are read, so axe details every failing node but just one node per passed rule.
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .setLegacyMode()
    .options({ resultTypes: ["violations"] })
    .analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Keyboard only: presses Tab (at most `max` times) until `target` has the focus, so the tab order itself is tested. */
export async function tabTo(page: Page, target: Locator, max = 12) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}
