// A take's last frame as the API shows it (GET/POST /api/generations/:id/last-frame): where its job
// stands and, once done, the image (an upload id the studio can use as a first frame).

const FRAME_FAILURES = ["source_unavailable", "media_invalid", "dependency_failed", "worker_error", "cancelled"] as const;
export type FrameFailure = (typeof FRAME_FAILURES)[number];

export interface LastFrameView {
  generationId: string;
  /** waiting: for the take to be stored; queued/running: being extracted; done; failed. */
  state: "waiting" | "queued" | "running" | "done" | "failed";
  errorCode: FrameFailure | null;
  errorMessage: { en: string; "zh-CN": string } | null;
  frame: { uploadId: string; url: string; width: number; height: number } | null;
}

export function isFrameFailure(code: string): code is FrameFailure {
  return (FRAME_FAILURES as readonly string[]).includes(code);
}
