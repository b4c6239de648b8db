import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, gotoWithScriptsHeld, STORAGE_STATE } from "./helpers";

test.describe("signed in", () => {
  test.use({ storageState: STORAGE_STATE });

  test("language switch: en <-> zh-CN, remembered across pages", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "工作室" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "作品库" })).toBeVisible();
    await page.goto("/gallery");
    await expect(page.getByRole("heading", { level: 1, name: "作品库" })).toBeVisible();
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Gallery" })).toBeVisible();
  });

  test("the workspace menu, the language buttons, sign-out and the studio's tabs wait for the page's script before they take a press", async ({ page }) => {
    const release = await gotoWithScriptsHeld(page, "/");
    const controls = [
      page.getByTestId("workspace-switcher"),
      page.getByRole("button", { name: "中文" }),
      page.getByRole("button", { name: "Sign out" }),
      page.getByRole("tab", { name: "Image → video" }),
    ];
    for (const c of controls) await expect(c).toBeDisabled();
    release();
    for (const c of controls) await expect(c).toBeEnabled();
  });

  test("dark mode follows the system", async ({ page }) => {
    // Tailwind 4 colours are lab()/oklch(): let a canvas convert the computed colour to sRGB.
    const bodyRgb = () =>
      page.evaluate(() => {
        const ctx = document.createElement("canvas").getContext("2d");
        if (!ctx) throw new Error("no canvas");
        ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
        ctx.fillRect(0, 0, 1, 1);
        return Array.from(ctx.getImageData(0, 0, 1, 1).data.slice(0, 3));
      });
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/");
    expect(Math.max(...(await bodyRgb()))).toBeLessThan(20);
    await page.emulateMedia({ colorScheme: "light" });
    expect(Math.min(...(await bodyRgb()))).toBeGreaterThan(245);
  });

  test("studio shell: screenshot, nav state, keyboard skip link", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByTestId("simulator-badge")).toBeVisible();
    await expect(page.getByRole("link", { name: "Studio" })).toHaveAttribute("aria-current", "page");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("main#main")).toBeFocused();
    await page.screenshot({ path: "test-results/screenshots/studio-shell.png", fullPage: true });
  });

  test("responsive down to 375 px: no horizontal scrolling", async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of ["/", "/gallery", "/teams", "/admin"]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto("/");
    await page.screenshot({ path: "test-results/screenshots/studio-shell-375.png", fullPage: true });
  });

  // One test per page and scheme: each gets the whole test timeout, however loaded the machine is.
  for (const scheme of ["light", "dark"] as const) {
    for (const path of ["/", "/gallery", "/teams", "/admin"]) {
      test(`axe: ${path} has no serious violations (${scheme})`, async ({ page }) => {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(path);
        await expectNoSeriousA11yViolations(page);
      });
    }
  }

  test("security headers on pages and API responses", async ({ page }) => {
    const res = await page.goto("/");
    const h = res?.headers() ?? {};
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    const api = await page.request.get("/api/health");
    expect(api.headers()["x-content-type-options"]).toBe("nosniff");
    // The JSON policy, not the page baseline: a config header would win over the route's own.
    expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    // Media routes carry their own complete, sandboxed policy (not replaced by the page baseline).
    const upload = await page.request.get("/api/uploads/doesnotexist0000000000");
    expect(upload.headers()["x-content-type-options"]).toBe("nosniff");
    expect(upload.headers()["x-frame-options"]).toBe("DENY");
    expect(upload.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});

test("the Simulator badge shows on every page while no API key is configured", async ({ page }) => {
  for (const path of ["/sign-in", "/sign-up"]) {
    await page.goto(path);
    await expect(page.getByTestId("simulator-badge")).toBeVisible();
  }
});

test("axe: sign-in and sign-up pages", async ({ page }) => {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ["/sign-in", "/sign-up"]) {
      await page.goto(path);
      await expectNoSeriousA11yViolations(page);
    }
  }
});

test("the axe scan fails a page with serious violations (the check can fail)", async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en"><head><title>Broken on purpose</title></head><body><main>
    <h1>Broken</h1><p style="color:#777;background:#888">low-contrast text</p>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"><button></button></main></body></html>`);
  const failure = await expectNoSeriousA11yViolations(page).then(
    () => "",
    (err: Error) => err.message,
  );
  for (const rule of ["color-contrast", "image-alt", "button-name"]) expect(failure).toContain(rule);
});

test("icon and link-preview card: every page names them, signed out too, and they load", async ({ page }) => {
  await page.goto("/sign-in");
  // The served HTML holds each tag once, in <head> (what a link-preview fetcher reads). In the browser,
  // Next's client may render the page's metadata a second time after hydration: every copy must agree.
  const contents = async (selector: string) => {
    await expect(page.locator(selector).first()).toBeAttached();
    return [...new Set(await page.locator(selector).evaluateAll((tags) => tags.map((t) => t.getAttribute("content"))))];
  };
  const og = await contents('meta[property="og:image"]');
  expect(og).toHaveLength(1);
  expect(og[0]).toMatch(/^http:\/\/[^/]+\/og-default\.png$/);
  expect(await contents('meta[name="twitter:card"]')).toEqual(["summary_large_image"]);
  const served = await (await page.request.get("/sign-in")).text();
  expect(served.match(/<meta property="og:image" /g)).toHaveLength(1);
  await expect(page.locator('link[rel="icon"][href="/icon.svg"]').first()).toBeAttached();
  expect(served.match(/<link rel="icon" href="\/icon\.svg"/g)).toHaveLength(1);
  for (const [path, type] of [["/og-default.png", "image/png"], ["/favicon.ico", "image/"], ["/icon.svg", "image/svg+xml"]] as const) {
    const res = await page.request.get(path, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toContain(type);
  }
});

test.describe("signed in, pages that do not exist", () => {
  test.use({ storageState: STORAGE_STATE });

  test("a clip page for an unknown or malformed id answers 404 with the not-found page", async ({ page }) => {
    for (const id of ["doesnotexist0000000000", "bad%20id"]) {
      const res = await page.goto(`/gallery/${id}`);
      expect(res?.status(), id).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("link", { name: "Back to the studio" })).toBeVisible();
    }
  });
});
