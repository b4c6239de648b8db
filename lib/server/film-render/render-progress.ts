// ffmpeg's `-progress pipe:1` stream turned into progress of the film: blocks of key=value lines,
// each ending with `progress=continue` (or `progress=end`), about twice a second. The position is
// out_time_us — how much of the film has been written — over the film's length; the ETA assumes the
// rest goes as fast as the part done so far.

export interface RenderProgress {
  /** Frames of the film written so far. */
  frame: number;
  totalFrames: number;
  /** 0…1. */
  fraction: number;
  elapsedMs: number;
  /** Estimated time left; null until something has been written. */
  etaMs: number | null;
}

export class ProgressReader {
  private pending = "";
  private outTimeUs: number | null = null;
  private readonly started = performance.now();

  constructor(
    private readonly totalFrames: number,
    private readonly fps: number,
    private readonly onProgress: (p: RenderProgress) => void,
  ) {}

  push(chunk: Buffer | string): void {
    this.pending += chunk.toString();
    const lines = this.pending.split("\n");
    this.pending = lines.pop() ?? "";
    for (const line of lines) this.line(line.trim());
  }

  private line(line: string): void {
    const eq = line.indexOf("=");
    if (eq < 0) return;
    const key = line.slice(0, eq);
    const value = line.slice(eq + 1);
    // out_time_us is "N/A" before the first packet; some builds print out_time_ms in µs too.
    if ((key === "out_time_us" || key === "out_time_ms") && /^\d+$/.test(value)) this.outTimeUs = Number(value);
    if (key === "progress") this.emit(value === "end");
  }

  private emit(end: boolean): void {
    if (this.outTimeUs === null && !end) return;
    const totalUs = (this.totalFrames / this.fps) * 1e6;
    const fraction = end ? 1 : Math.min(1, Math.max(0, (this.outTimeUs ?? 0) / totalUs));
    const elapsedMs = Math.round(performance.now() - this.started);
    const etaMs = end ? 0 : fraction > 0 ? Math.round((elapsedMs * (1 - fraction)) / fraction) : null;
    this.onProgress({ frame: Math.round(fraction * this.totalFrames), totalFrames: this.totalFrames, fraction, elapsedMs, etaMs });
  }
}
