import "server-only";

// Failures of the studio's ffmpeg/ffprobe helpers. "invalid-media" means the file is not a usable
// video (the upstream sent garbage, or a download was truncated); "tool-failed" means ffmpeg itself
// could not run or timed out, which is retryable on our side.

export type MediaErrorReason = "invalid-media" | "no-video-stream" | "tool-failed";

export class MediaToolError extends Error {
  override readonly name = "MediaToolError";
  constructor(
    readonly reason: MediaErrorReason,
    message: string,
    /** Last ~2 KB of the tool's stderr, for logs. */
    readonly stderrTail = "",
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

export interface MediaToolOptions {
  ffmpegPath?: string;
  ffprobePath?: string;
  timeoutMs?: number;
}
