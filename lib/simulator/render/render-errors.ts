// Typed failures of the renderer. The simulator maps InvalidImageError to HTTP 400 / code 1214
// ("field image_url invalid"); RenderFailedError is our own fault (ffmpeg missing, crashed, timed out)
// and becomes a FAIL task or a 500, never a client error.

export type InvalidImageReason = "unknown-format" | "truncated" | "animated" | "bad-dimensions" | "undecodable";

export class InvalidImageError extends Error {
  override readonly name = "InvalidImageError";
  readonly code = "invalid_image" as const;
  constructor(
    readonly reason: InvalidImageReason,
    /** Which input image: 0 = first frame, 1 = last frame. */
    readonly imageIndex: number,
    detail: string,
  ) {
    super(`image ${imageIndex}: ${reason}: ${detail}`);
  }
}

export class RenderFailedError extends Error {
  override readonly name = "RenderFailedError";
  readonly code = "render_failed" as const;
  constructor(
    message: string,
    /** Last ~2 KB of ffmpeg's stderr, for logs (never shown to API clients). */
    readonly stderrTail: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}
