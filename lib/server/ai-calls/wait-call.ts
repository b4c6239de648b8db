import "server-only";
import type { Db } from "../db";
import { onCallEnded } from "./call-ended";

// A route that queued a call may wait for its end (the job runs it, in this process or another):
// reads the row until it is no longer QUEUED/SENDING or the deadline passes — again at once when this
// process's worker signals the call's end (call-ended.ts), otherwise every `everyMs`.

export async function waitForCall(client: Pick<Db, "aiCall">, id: string, deadlineMs: number, everyMs = 50): Promise<void> {
  const until = Date.now() + deadlineMs;
  let signalled = false;
  let wake: (() => void) | undefined;
  // Listening before the first read: an end written between a read and the wait is not missed.
  const off = onCallEnded(id, () => {
    signalled = true;
    wake?.();
  });
  try {
    for (;;) {
      signalled = false;
      const row = await client.aiCall.findUnique({ where: { id }, select: { status: true } });
      if (!row || (row.status !== "QUEUED" && row.status !== "SENDING")) return;
      if (Date.now() >= until) return;
      if (signalled) continue;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(everyMs, Math.max(0, until - Date.now())));
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = undefined;
    }
  } finally {
    off();
  }
}
