import fs from "node:fs";
import path from "node:path";
import type { AspectRatio, Style, VideoModel } from "@/lib/shared/upstream/video-models";

// Tasks the simulated account knows about. In memory, mirrored to <stateDir>/tasks/<id>.json with
// write-to-temp + rename so a crash never leaves a half-written task, and a restarted simulator
// still answers polls for the tasks it accepted.

export type TaskStatus = "PROCESSING" | "SUCCESS" | "FAIL";

export interface SimTask {
  id: string;
  /** Account the task belongs to (hash of the key, never the key). */
  account: string;
  model: VideoModel;
  requestId: string;
  createdAt: number;
  readyAt: number;
  willFail: boolean;
  prompt?: string;
  style: Style;
  aspectRatio: AspectRatio;
  /** Persisted input images (paths under stateDir) so a restart can re-render. */
  inputFiles: string[];
  render: { state: "pending" | "done" | "error"; videoPath?: string; coverPath?: string; doneAt?: number };
}

export function statusAt(task: SimTask, now: number): TaskStatus {
  if (now < task.readyAt) return "PROCESSING";
  if (task.willFail || task.render.state === "error") return "FAIL";
  return task.render.state === "done" ? "SUCCESS" : "PROCESSING";
}

/** When SUCCESS became visible: both the generation time and the render had to be over. */
export function successAt(task: SimTask): number {
  return Math.max(task.readyAt, task.render.doneAt ?? task.readyAt);
}

export function writeFileAtomic(file: string, data: string | Buffer, mode = 0o644): void {
  const tmp = `${file}.${process.pid}.${Math.random().toString(16).slice(2)}.tmp`;
  fs.writeFileSync(tmp, data, { mode });
  fs.renameSync(tmp, file);
}

export class TaskStore {
  private readonly tasks = new Map<string, SimTask>();
  private readonly byRequest = new Map<string, string>();
  private readonly dir?: string;

  constructor(stateDir?: string) {
    if (stateDir) {
      this.dir = path.join(stateDir, "tasks");
      fs.mkdirSync(this.dir, { recursive: true });
      for (const name of fs.readdirSync(this.dir)) {
        if (!name.endsWith(".json")) continue;
        try {
          const t = JSON.parse(fs.readFileSync(path.join(this.dir, name), "utf8")) as SimTask;
          this.index(t);
        } catch {
          // A stray temp or foreign file: skip it rather than refuse to start.
        }
      }
    }
  }

  private index(t: SimTask): void {
    this.tasks.set(t.id, t);
    this.byRequest.set(`${t.account}\u0000${t.requestId}`, t.id);
  }

  get(id: string): SimTask | undefined {
    return this.tasks.get(id);
  }

  findByRequestId(account: string, requestId: string): SimTask | undefined {
    const id = this.byRequest.get(`${account}\u0000${requestId}`);
    return id === undefined ? undefined : this.tasks.get(id);
  }

  all(): IterableIterator<SimTask> {
    return this.tasks.values();
  }

  /** Insert or update, then persist. */
  save(t: SimTask): void {
    this.index(t);
    if (this.dir) writeFileAtomic(path.join(this.dir, `${t.id}.json`), JSON.stringify(t));
  }

  /** PROCESSING tasks of a model, for one account or (account undefined) for all. */
  countProcessing(account: string | undefined, model: VideoModel, now: number): number {
    let n = 0;
    for (const t of this.tasks.values()) {
      if ((account === undefined || t.account === account) && t.model === model && statusAt(t, now) === "PROCESSING") n++;
    }
    return n;
  }
}
