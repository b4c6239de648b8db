// The node:http fast path of signed media URLs (lib/server/media-access/signed-media-node.ts) lives in
// Next's server bundle, where the storage and the signing key are configured, but must answer before
// Next spends its per-request work on a player's many Range requests. The HTTP entry point
// (scripts/lib/request-listener.mjs) is a separate module instance in the same process, so the bundle
// publishes the handler on globalThis under a registered symbol (as hash-gate-probe.ts does), and the
// entry point calls it. Not published (next dev, or before instrumentation ran): Next answers everything.

import type { IncomingMessage, ServerResponse } from "node:http";

/** Answers the request and resolves true, or resolves false having written nothing (Next answers it then). */
export type MediaFastPath = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const KEY = Symbol.for("framehouse.mediaFastPath");

export function publishMediaFastPath(handler: MediaFastPath | undefined): void {
  (globalThis as unknown as Record<symbol, MediaFastPath | undefined>)[KEY] = handler;
}

export function mediaFastPath(): MediaFastPath | undefined {
  return (globalThis as unknown as Record<symbol, MediaFastPath | undefined>)[KEY];
}
