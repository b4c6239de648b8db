import "server-only";
import { env } from "@/lib/server/env";

// RELIABILITY K9 crash injection: with CRASH_AT=<label> the process SIGKILLs itself when it reaches
// that labelled point, so tests can prove recovery from every crash window deterministically.
// Labels: submit.beforeSend, submit.afterSend, submit.afterResponse, poll.afterSuccess,
// download.afterTemp, download.beforeStored.

export type CrashLabel =
  | "submit.beforeSend"
  | "submit.afterSend"
  | "submit.afterResponse"
  | "poll.afterSuccess"
  | "download.afterTemp"
  | "download.beforeStored";

export function crashPoint(label: CrashLabel): void {
  if (env().CRASH_AT === label) process.kill(process.pid, "SIGKILL");
}
