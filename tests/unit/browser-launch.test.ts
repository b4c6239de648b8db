import { afterEach, describe, expect, it, vi } from "vitest";

// The browser the e2e suite drives and the package npm test and the bench install for it follow one rule.
afterEach(() => {
  vi.unstubAllEnvs();
});

async function load(chromiumPath: string) {
  vi.resetModules();
  vi.stubEnv("CHROMIUM_PATH", chromiumPath);
  const launch = await import("@/tests/support/browser-launch");
  const deps = await import("@/scripts/lib/system-deps.mjs");
  return { executable: launch.CHROMIUM_EXECUTABLE, packages: deps.browserPackages(), shell: deps.HEADLESS_SHELL_PATH };
}

describe("the e2e browser", () => {
  it("is Debian's headless shell by default, and that is the package installed", async () => {
    const r = await load("");
    expect(r.shell).toBe("/usr/bin/chromium-headless-shell");
    expect(r.executable).toBe(r.shell);
    expect(r.packages).toEqual(["browser"]);
  });

  it("is the browser CHROMIUM_PATH names, and nothing is installed for it", async () => {
    const r = await load("/usr/bin/chromium");
    expect(r.executable).toBe("/usr/bin/chromium");
    expect(r.packages).toEqual([]);
  });
});
