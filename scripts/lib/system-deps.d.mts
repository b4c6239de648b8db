/** Installs the named Debian packages with apt when missing and running as root; otherwise exits with the command to run. */
export function ensureSystemDeps(names: ("ffmpeg" | "espeak" | "fonts" | "dejavu" | "browser" | "nginx")[]): void;
