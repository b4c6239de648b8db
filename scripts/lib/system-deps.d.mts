/** Where Debian's `chromium-headless-shell` package puts the browser the e2e suite and the bench drive. */
export const HEADLESS_SHELL_PATH: string;
/** Installs the named Debian packages with apt when missing and running as root; otherwise exits with the command to run. */
export function ensureSystemDeps(names: ("ffmpeg" | "espeak" | "fonts" | "dejavu" | "browser" | "nginx")[]): void;
/** The packages of the browser tests' Chromium: the headless shell, unless CHROMIUM_PATH names another browser. */
export function browserPackages(): "browser"[];
