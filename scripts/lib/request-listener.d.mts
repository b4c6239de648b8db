// Types of request-listener.mjs for the TypeScript that imports it (tests/unit/request-gate.test.ts).
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { mediaFastPath } from "../../lib/shared/media-fast-path";
import type { hashGateRefusal, requestGate } from "../../lib/shared/request-gate";

export function requestListener(opts: {
  handle: (req: IncomingMessage, res: ServerResponse) => unknown;
  gate: ReturnType<typeof requestGate>;
  /** The early hash gate; absent: every request that may hash goes to Next's hash gate. */
  hashGate?: typeof hashGateRefusal;
  /** The signed-media fast path published by Next's bundle, if any (lib/shared/media-fast-path.ts). */
  mediaFastPath?: typeof mediaFastPath;
  trustProxy: boolean;
  /** How long a refused sign-in is held (at most its Retry-After) and how many may be held at once. */
  hold?: { ms: number; max: number };
}): RequestListener & { held(): number };
