import { loadDefaultRenderer, type RenderFn } from "./render-contract";
import type { RenderInput, RenderResult } from "./render/render-clip";

// Runs renders in the background, a few at a time (ffmpeg is CPU bound), and reports each outcome.
// The renderer is loaded lazily so a simulator that never renders never imports ffmpeg code.

export type RenderOutcome = { ok: true; output: RenderResult } | { ok: false; error: string };

export class RenderQueue {
  private readonly waiting: { taskId: string; input: () => Promise<RenderInput> }[] = [];
  private running = 0;
  private renderer?: Promise<RenderFn>;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly opts: {
      cacheDir: string;
      concurrency: number;
      render?: RenderFn;
      onDone: (taskId: string, outcome: RenderOutcome) => void;
    },
  ) {}

  /** `input` is a thunk so large inputs can be read back from disk only when their turn comes. */
  enqueue(taskId: string, input: () => Promise<RenderInput>): void {
    this.waiting.push({ taskId, input });
    this.pump();
  }

  get size(): number {
    return this.waiting.length + this.running;
  }

  /** Resolves when nothing is queued or rendering (tests). */
  idle(): Promise<void> {
    if (this.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < this.opts.concurrency) {
      const job = this.waiting.shift();
      if (!job) break;
      this.running++;
      void this.run(job.taskId, job.input).finally(() => {
        this.running--;
        this.pump();
        if (this.size === 0) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const w of waiters) w();
        }
      });
    }
  }

  private async run(taskId: string, input: () => Promise<RenderInput>): Promise<void> {
    let outcome: RenderOutcome;
    try {
      this.renderer ??= this.opts.render ? Promise.resolve(this.opts.render) : loadDefaultRenderer();
      const render = await this.renderer;
      outcome = { ok: true, output: await render(await input(), { cacheDir: this.opts.cacheDir }) };
    } catch (e) {
      outcome = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    this.opts.onDone(taskId, outcome);
  }
}
