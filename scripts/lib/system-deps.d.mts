/** Where Debian's `chromium-headless-shell` package puts the browser the e2e suite and the bench drive. */
export const HEADLESS_SHELL_PATH: string;
/** Installs the named Debian packages with apt when missing and running as root; otherwise exits with the command to run. */
export function ensureSystemDeps(names: ("ffmpeg" | "espeak" | "fonts" | "dejavu" | "browser" | "nginx" | "unzip")[]): void;
/** The browser the e2e suite and the bench drive: CHROMIUM_PATH (another Debian-installed binary) or the headless shell. */
export function chromiumExecutable(): string;
/** The packages to install for that browser: the headless shell when it is the one driven; another is the caller's to provide. */
export function browserPackages(): "browser"[];
