// The renderer's interface as agreed with lib/simulator/render/ (owned separately). Declared here as
// well so the simulator can accept a fake renderer in tests without importing ffmpeg code.

export type RenderInput =
  | { mode: "text"; prompt: string; style: "general" | "anime"; aspectRatio: "16:9" | "9:16" | "1:1" }
  | { mode: "image"; prompt?: string; image: Buffer }
  | { mode: "start-end"; prompt?: string; images: [Buffer, Buffer] };

export interface RenderOutput {
  videoPath: string;
  coverPath: string;
  key: string;
  ms: number;
  cached: boolean;
}

export type RenderFn = (input: RenderInput, opts: { cacheDir: string }) => Promise<RenderOutput>;

/** The real renderer, loaded on first use so merely importing the simulator never touches ffmpeg. */
export const loadDefaultRenderer = async (): Promise<RenderFn> => {
  const mod = await import("./render/render-clip");
  return mod.renderClip;
};
