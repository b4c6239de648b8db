// The browser the e2e suite and the bench drive, in one place. Debian's `chromium-headless-shell` is
// Chromium's headless-only build of the same release, the kind Playwright itself runs for headless
// tests: on this suite it used a quarter to a third less CPU than the full `chromium` binary in
// headless mode, the same specs passing with both (bench/results.md, T1). Never `playwright install`:
// CHROMIUM_PATH points at another Debian-installed binary (e.g. /usr/bin/chromium) when wanted.
// The choice lives beside the install that follows it (scripts/lib/system-deps.mjs).
import { chromiumExecutable } from "../../scripts/lib/system-deps.mjs";

export const CHROMIUM_EXECUTABLE = chromiumExecutable();

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
