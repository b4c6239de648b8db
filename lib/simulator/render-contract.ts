import type { RenderInput, RenderResult } from "./render/render-clip";

// How the simulator calls its renderer. Only types come from render/ (a type import is erased at
// run time), so the simulator can take a fake renderer in tests and importing it never loads ffmpeg.

export type RenderFn = (input: RenderInput, opts: { cacheDir: string }) => Promise<RenderResult>;

/** The real renderer, loaded on first use so merely importing the simulator never touches ffmpeg. */
export const loadDefaultRenderer = async (): Promise<RenderFn> => {
  const mod = await import("./render/render-clip");
  return mod.renderClip;
};
