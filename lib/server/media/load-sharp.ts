import "server-only";
import type sharpFn from "sharp";

// sharp (libvips) takes about 0.2 s to load, and most processes never touch an image: a worker busy
// with video, the app answering JSON, every test file's process. The modules that decode or encode
// images load it here on first use instead of at import, once per process.
let loading: Promise<typeof sharpFn> | undefined;

export function loadSharp(): Promise<typeof sharpFn> {
  loading ??= import("sharp").then((m) => m.default);
  return loading;
}
