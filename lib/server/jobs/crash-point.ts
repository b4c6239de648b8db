import "server-only";
import { env } from "@/lib/server/env";

// Crash injection for the kill -9 tests: with CRASH_AT=<label> the process SIGKILLs itself when it
// reaches that labelled point, so every crash window of every job kind is proven recoverable
// deterministically (tests/integration/crash-worker.test.ts; docs/reliability.md lists them).
// CRASH_SUBJECT narrows it to the steps of one subject (a take, an export): a chain's second take is
// killed in its own create, not in the first take's (films-chain-crash.test.ts).

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

/** `subjectId`: the subject of the running step (the job's take or export). */
export function crashPoint(label: CrashLabel, subjectId: string): void {
  const e = env();
  if (e.CRASH_AT !== label) return;
  if (e.CRASH_SUBJECT && e.CRASH_SUBJECT !== subjectId) return;
  process.kill(process.pid, "SIGKILL");
}
