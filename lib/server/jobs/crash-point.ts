import "server-only";
import { env } from "@/lib/server/env";

// Crash injection for the kill -9 tests: with CRASH_AT=<label> the process SIGKILLs itself when it
// reaches that labelled point, so every crash window of every job kind is proven recoverable
// deterministically (tests/integration/crash-worker.test.ts; docs/reliability.md lists them).
// CRASH_SUBJECT narrows it to the steps of one subject (a take, an export): a chain's second take is
// killed in its own create, not in the first take's (films-chain-crash.test.ts).
// FREEZE_AT=<label> SIGSTOPs the process there instead: a "zombie" that holds a lease but no database
// transaction. Frozen at a random moment it could be inside a fenced write, and on SQLite a frozen
// holder of the write lock stops every other process's writes until it wakes — the test would then
// measure SQLite's locking, not lease fencing (crash-worker.test.ts, "zombie worker").

export type CrashLabel =
  // video
  | "submit.beforeSend"
  | "submit.afterSend"
  | "submit.afterResponse"
  | "poll.afterSuccess"
  | "download.afterTemp"
  | "download.beforeStored"
  // last-frame
  | "frame.afterExtract"
  | "frame.afterStore"
  // clip derivatives (poster, preview)
  | "derive.afterPoster"
  | "derive.afterPosterStore"
  | "derive.afterPreview"
  | "derive.afterPreviewStore"
  // film export
  | "export.afterRender"
  | "export.afterStore"
  // platform calls (chat, stills, speech)
  | "call.beforeSend"
  | "call.afterAnswer"
  | "still.afterStore";

let frozenOnce = false;

/** `subjectId`: the subject of the running step (the job's take or export). */
export function crashPoint(label: CrashLabel, subjectId: string): void {
  const e = env();
  if (e.CRASH_SUBJECT && e.CRASH_SUBJECT !== subjectId) return;
  if (e.CRASH_AT === label) process.kill(process.pid, "SIGKILL");
  // Stops here until SIGCONT, then carries on from this point (once: a woken zombie is not re-frozen).
  if (e.FREEZE_AT === label && !frozenOnce) {
    frozenOnce = true;
    process.kill(process.pid, "SIGSTOP");
  }
}

