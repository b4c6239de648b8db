// Types of request-listener.mjs for the TypeScript that imports it (tests/unit/request-gate.test.ts).
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import type { requestGate } from "../../lib/shared/request-gate";

export function requestListener(opts: {
  handle: (req: IncomingMessage, res: ServerResponse) => unknown;
  gate: ReturnType<typeof requestGate>;
  trustProxy: boolean;
}): RequestListener;
