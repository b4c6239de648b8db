import "server-only";
import type { Db } from "../db";

// A route that queued a call may wait for its end (the job runs it, in this process or another):
// polls the row until it is no longer QUEUED/SENDING or the deadline passes.

export async function waitForCall(client: Pick<Db, "aiCall">, id: string, deadlineMs: number, everyMs = 50): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const row = await client.aiCall.findUnique({ where: { id }, select: { status: true } });
    if (!row || (row.status !== "QUEUED" && row.status !== "SENDING")) return;
    if (Date.now() >= until) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
