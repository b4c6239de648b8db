import type { GenerationView } from "./generation-view";

// The shape a clip is shown at, everywhere (studio cards, gallery tiles, the detail player, share
// pages, the side-by-side compare): portrait and square clips keep their shape instead of sitting in
// a 16:9 box that crops or letterboxes them. The video's own size when it is known; before that, what
// the clip asked for (a text clip's aspect ratio) or its start frame (image modes take its shape).

export interface FrameSize {
  width: number;
  height: number;
}

const LANDSCAPE: FrameSize = { width: 16, height: 9 };
const ASKED: Record<string, FrameSize> = { "16:9": LANDSCAPE, "9:16": { width: 9, height: 16 }, "1:1": { width: 1, height: 1 } };

const known = (w: number | null | undefined, h: number | null | undefined): FrameSize | null => (w && h && w > 0 && h > 0 ? { width: w, height: h } : null);

/** A stored video's size (the share pages), 16:9 when it was not measured. */
export function frameSizeOf(width: number | null, height: number | null): FrameSize {
  return known(width, height) ?? LANDSCAPE;
}

export function clipFrameSize(clip: Pick<GenerationView, "media" | "params" | "inputs">): FrameSize {
  const video = clip.media.video;
  const start = clip.inputs.find((i) => i.position === 0);
  return (
    known(video?.width, video?.height) ??
    (clip.params.aspectRatio ? ASKED[clip.params.aspectRatio] : undefined) ??
    known(start?.width, start?.height) ??
    LANDSCAPE
  );
}

/**
 * Inline style for a box of that shape that is as wide as its container but never taller than
 * `maxHeight` (any CSS length): the width shrinks instead, so the ratio holds (a plain max-height
 * would squash it). Center it with mx-auto.
 */
export function aspectBoxStyle(size: FrameSize, maxHeight: string): { aspectRatio: string; width: string } {
  const ratio = size.width / size.height;
  return { aspectRatio: `${size.width} / ${size.height}`, width: `min(100%, calc(${maxHeight} * ${Number(ratio.toFixed(4))}))` };
}
