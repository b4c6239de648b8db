import "server-only";
import { env } from "@/lib/server/env";

// Crash injection for the kill -9 tests: with CRASH_AT=<label> the process SIGKILLs itself when it
// reaches that labelled point, so every crash window of every job kind is proven recoverable
// deterministically (tests/integration/crash-worker.test.ts; docs/reliability.md lists them).

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
  | "call.afterAnswer";

export function crashPoint(label: CrashLabel): void {
  if (env().CRASH_AT === label) process.kill(process.pid, "SIGKILL");
}
