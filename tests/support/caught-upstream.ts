import { expect } from "vitest";
import { UpstreamError } from "@/lib/server/bigmodel/upstream-error";

/** The UpstreamError a client call rejects with (fails the test when it resolves or throws anything else). */
export async function caughtUpstream(p: Promise<unknown>): Promise<UpstreamError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(UpstreamError);
    return e as UpstreamError;
  }
  throw new Error("expected a rejection");
}
