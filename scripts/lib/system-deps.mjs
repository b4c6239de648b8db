// Debian packages the studio and the tests need. Installed with apt when missing and we are root
// (fresh machines, CI); otherwise we stop with the exact command to run.
import fs from "node:fs";
import { has, run } from "./run.mjs";

/** Where Debian's `chromium-headless-shell` package puts the browser the e2e suite and the bench drive. */
export const HEADLESS_SHELL_PATH = "/usr/bin/chromium-headless-shell";

const PACKAGES = {
  ffmpeg: { check: () => has("ffmpeg") && has("ffprobe"), pkg: "ffmpeg" },
  // The simulator's GLM-TTS speaks with it (a tone of the same length stands in when it is missing).
  espeak: { check: () => has("espeak-ng"), pkg: "espeak-ng" },
  fonts: { check: () => fs.existsSync("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), pkg: "fonts-wqy-zenhei" },
  dejavu: { check: () => fs.existsSync("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), pkg: "fonts-dejavu-core" },
  // The browser tests' Chromium: its headless-only build (tests/support/browser-launch.ts).
  browser: { check: () => fs.existsSync(HEADLESS_SHELL_PATH), pkg: "chromium-headless-shell" },
  // The bench's static-file floor and its secure_link recipe (bookworm's nginx-light installs nginx).
  nginx: { check: () => fs.existsSync("/usr/sbin/nginx"), pkg: "nginx-light" },
  // The tests open the zips the studio streams (gallery export, film hand-off) with Info-ZIP's unzip,
  // an independent reader; a minimal Debian image does not have it.
  unzip: { check: () => has("unzip"), pkg: "unzip" },
};

/** @param {(keyof typeof PACKAGES)[]} names */
export function ensureSystemDeps(names) {
  const missing = names.filter((n) => !PACKAGES[n].check()).map((n) => PACKAGES[n].pkg);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot || !has("apt-get")) {
    console.error(`Missing system packages: ${missing.join(" ")}\nInstall them with: sudo apt-get install -y ${missing.join(" ")}`);
    process.exit(1);
  }
  console.log(`Installing system packages: ${missing.join(" ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["update", "-qq"], { env }) !== 0 || run("apt-get", ["install", "-y", "-qq", ...missing], { env }) !== 0) {
    console.error(`apt-get could not install: ${missing.join(" ")}`);
    process.exit(1);
  }
}

/** The browser the e2e suite and the bench drive: CHROMIUM_PATH (another Debian-installed binary) or the headless shell. */
export function chromiumExecutable() {
  return process.env.CHROMIUM_PATH || HEADLESS_SHELL_PATH;
}

/** The packages to install for that browser: the headless shell when it is the one driven; another is the caller's to provide. */
export function browserPackages() {
  return chromiumExecutable() === HEADLESS_SHELL_PATH ? /** @type {const} */ (["browser"]) : [];
}
