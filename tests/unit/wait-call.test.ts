import { describe, expect, it } from "vitest";
import { signalCallEnded } from "@/lib/server/ai-calls/call-ended";
import { waitForCall } from "@/lib/server/ai-calls/wait-call";

// A route waiting for its call reads the row again as soon as this process's worker signals the
// call's end, not at its next poll; without a signal it still polls, and it gives up at the deadline.

function fakeCalls(status: { value: string }) {
  let reads = 0;
  const client = {
    aiCall: {
      findUnique: async () => {
        reads++;
        return { status: status.value };
      },
    },
  };
  return { client: client as unknown as Parameters<typeof waitForCall>[0], reads: () => reads };
}

describe("waitForCall", () => {
  it("returns on the end signal, long before its next poll", async () => {
    const status = { value: "SENDING" };
    const { client, reads } = fakeCalls(status);
    const t0 = Date.now();
    const waiting = waitForCall(client, "call-1", 30_000, 20_000);
    setTimeout(() => {
      status.value = "DONE";
      signalCallEnded("call-2"); // another call's end: no effect
      signalCallEnded("call-1");
    }, 50);
    await waiting;
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(reads()).toBe(2);
  });

  it("without a signal, polls every everyMs and stops at the deadline", async () => {
    const status = { value: "QUEUED" };
    const { client, reads } = fakeCalls(status);
    await waitForCall(client, "call-3", 200, 20);
    expect(reads()).toBeGreaterThanOrEqual(3);
    status.value = "DONE";
    await waitForCall(client, "call-3", 10_000, 20);
  });
});
