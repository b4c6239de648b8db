import { spawn } from "node:child_process";
import { setPriority } from "node:os";

// One way to run ffmpeg/ffprobe for both the simulator's renderer and the studio's media tools.
// Arguments are always an array (never a shell), every run has a hard time cap, and a failure carries
// the tail of stderr, which is where ffmpeg explains itself. Neutral location: lib/server/ modules
// are server-only and lib/simulator/ must not import them, so the helper lives in neither.

const STDERR_KEEP_BYTES = 8 * 1024;
const STDERR_REPORT_BYTES = 2 * 1024;
const DEFAULT_STDOUT_CAP = 4 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 120_000;

export interface RunProcessOptions {
  /** Kill the process (SIGKILL) after this long. Default 120 s. */
  timeoutMs?: number;
  cwd?: string;
  /** Bytes of stdout kept; more is an error (ffprobe JSON is small; anything huge is a bug). */
  stdoutCapBytes?: number;
  signal?: AbortSignal;
  /** Receives stdout as it arrives instead of keeping it (ffmpeg's `-progress pipe:1` of a long render). */
  onStdout?: (chunk: Buffer) => void;
  /**
   * A nice value (1–19) for work nobody waits on, so that on a busy machine the CPU goes first to the
   * work that is on someone's critical path. Best effort: a failure to lower the priority is ignored.
   */
  niceness?: number;
}

export interface RunProcessResult {
  stdout: string;
  stderrTail: string;
  ms: number;
}

export type ProcessFailure = "spawn" | "exit" | "timeout" | "aborted" | "stdout-cap";

export class ProcessError extends Error {
  override readonly name = "ProcessError";
  constructor(
    readonly failure: ProcessFailure,
    readonly bin: string,
    readonly exitCode: number | null,
    readonly signalName: string | null,
    /** Last ~2 KB of stderr. */
    readonly stderrTail: string,
    message: string,
  ) {
    super(message);
  }
}

/** Keeps only the newest bytes of a stream so a chatty ffmpeg cannot grow memory without bound. */
class TailBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  constructor(private readonly keep: number) {}
  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.size += chunk.length;
    while (this.size - (this.chunks[0]?.length ?? 0) >= this.keep && this.chunks.length > 1) {
      this.size -= this.chunks.shift()?.length ?? 0;
    }
  }
  tail(bytes: number): string {
    const all = Buffer.concat(this.chunks);
    return all.subarray(Math.max(0, all.length - bytes)).toString("utf8");
  }
}

export function runProcess(bin: string, args: readonly string[], opts: RunProcessOptions = {}): Promise<RunProcessResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const stdoutCap = opts.stdoutCapBytes ?? DEFAULT_STDOUT_CAP;
  const started = performance.now();

  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: opts.cwd, stdio: ["ignore", "pipe", "pipe"], shell: false });
    if (opts.niceness && child.pid !== undefined) {
      try {
        setPriority(child.pid, opts.niceness);
      } catch {
        // the process already ended, or the platform refuses: it runs at normal priority
      }
    }
    const stderr = new TailBuffer(STDERR_KEEP_BYTES);
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let killedFor: ProcessFailure | null = null;
    let settled = false;

    const kill = (why: ProcessFailure) => {
      if (killedFor) return;
      killedFor = why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill("timeout"), timeoutMs);
    const onAbort = () => kill("aborted");
    if (opts.signal?.aborted) onAbort();
    opts.signal?.addEventListener("abort", onAbort, { once: true });

    const finish = (err: ProcessError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      if (err) reject(err);
      else {
        resolve({
          stdout: Buffer.concat(stdout).toString("utf8"),
          stderrTail: stderr.tail(STDERR_REPORT_BYTES),
          ms: Math.round(performance.now() - started),
        });
      }
    };

    child.stdout.on("data", (chunk: Buffer) => {
      if (opts.onStdout) {
        opts.onStdout(chunk);
        return;
      }
      stdoutBytes += chunk.length;
      if (stdoutBytes > stdoutCap) kill("stdout-cap");
      else stdout.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));

    child.on("error", (e: NodeJS.ErrnoException) => {
      const hint = e.code === "ENOENT" ? ` (is ${bin} installed and on PATH?)` : "";
      finish(new ProcessError("spawn", bin, null, null, "", `could not start ${bin}: ${e.message}${hint}`));
    });

    child.on("close", (code, signal) => {
      const tail = stderr.tail(STDERR_REPORT_BYTES);
      if (killedFor) {
        const why = killedFor === "timeout" ? `timed out after ${timeoutMs} ms` : killedFor === "aborted" ? "was aborted" : "wrote too much to stdout";
        finish(new ProcessError(killedFor, bin, code, signal, tail, `${bin} ${why}\n${tail}`));
      } else if (code !== 0) {
        finish(new ProcessError("exit", bin, code, signal, tail, `${bin} exited with ${code ?? signal}\n${tail}`));
      } else {
        finish(null);
      }
    });
  });
}
