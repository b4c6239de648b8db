import type { ServerResponse } from "node:http";

// Scriptable transport faults. Each spec fires for the next `count` matching requests. `status` and
// a `hang` without `accept` short-circuit before the request is processed (nothing is accepted);
// every other fault lets the request be processed normally and then damages the reply in transit,
// so for a create the task IS accepted — that is the "the upstream took it but we never heard"
// window the studio must survive.

export type FaultTarget = "create" | "query" | "file" | "chat" | "images" | "speech" | "any";

export type FaultSpec = { count?: number; target?: FaultTarget } & (
  | { type: "status"; status?: number; code?: string } // 5xx burst with an error envelope
  | { type: "hang"; accept?: boolean } // never answer (client times out)
  | { type: "reset" } // headers + part of the body, then TCP RST
  | { type: "truncate" } // full Content-Length declared, half the bytes, then a clean close
  | { type: "malformed" } // complete 200-class reply whose body is not JSON
  | { type: "slow"; chunkBytes?: number; delayMs?: number } // body dribbled out
  | { type: "ackLost" } // process (accept), then drop the connection without a byte
);

const FAULT_TYPES = new Set(["status", "hang", "reset", "truncate", "malformed", "slow", "ackLost"]);
const TARGETS = new Set(["create", "query", "file", "chat", "images", "speech", "any"]);

/** Validates a fault coming from JSON (POST /__sim/control). */
export function parseFaultSpec(v: unknown): FaultSpec | undefined {
  if (typeof v !== "object" || v === null) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.type !== "string" || !FAULT_TYPES.has(o.type)) return undefined;
  if (o.target !== undefined && (typeof o.target !== "string" || !TARGETS.has(o.target))) return undefined;
  if (o.count !== undefined && (typeof o.count !== "number" || !Number.isInteger(o.count) || o.count < 1)) return undefined;
  return o as FaultSpec;
}

export class FaultQueue {
  private queue: { spec: FaultSpec; left: number }[] = [];

  add(spec: FaultSpec): void {
    this.queue.push({ spec, left: spec.count ?? 1 });
  }

  clear(): void {
    this.queue = [];
  }

  pending(): FaultSpec[] {
    return this.queue.map((q) => ({ ...q.spec, count: q.left }));
  }

  /** First queued fault matching this request kind; consumes one of its uses. */
  take(target: Exclude<FaultTarget, "any">): FaultSpec | undefined {
    const i = this.queue.findIndex((q) => {
      const t = q.spec.target ?? (q.spec.type === "ackLost" ? "create" : "any");
      return t === "any" || t === target;
    });
    const hit = this.queue[i];
    if (!hit) return undefined;
    hit.left--;
    if (hit.left <= 0) this.queue.splice(i, 1);
    return hit.spec;
  }
}

/** Sends a reply, damaged as the fault says. `headers` must not include Content-Length. */
export function deliver(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  fault: FaultSpec | undefined,
): void {
  const socket = res.socket;
  switch (fault?.type) {
    case "ackLost":
      socket?.destroy();
      return;
    case "hang":
      return; // the connection stays open until the client gives up or the server closes
    case "reset": {
      res.writeHead(status, { ...headers, "Content-Length": String(body.length) });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => {
        if (socket && typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
        else socket?.destroy();
      });
      return;
    }
    case "truncate": {
      res.writeHead(status, { ...headers, "Content-Length": String(body.length) });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => socket?.end());
      return;
    }
    case "malformed": {
      const junk = Buffer.concat([body.subarray(0, Math.floor(body.length / 2)), Buffer.from("<html>502 Bad Gateway")]);
      res.writeHead(status, { ...headers, "Content-Length": String(junk.length) });
      res.end(junk);
      return;
    }
    case "slow": {
      const size = Math.max(1, fault.chunkBytes ?? 16);
      const delay = Math.max(0, fault.delayMs ?? 200);
      res.writeHead(status, { ...headers, "Content-Length": String(body.length) });
      let offset = 0;
      const tick = () => {
        if (res.destroyed) return;
        const part = body.subarray(offset, offset + size);
        offset += size;
        if (offset >= body.length) res.end(part);
        else res.write(part, () => setTimeout(tick, delay));
      };
      tick();
      return;
    }
    default:
      res.writeHead(status, { ...headers, "Content-Length": String(body.length) });
      res.end(body);
  }
}
