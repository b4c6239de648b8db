// The hash gate's state (lib/server/auth/hash-gate.ts: per-address buckets, hashing slots) lives in
// Next's server bundle, but the HTTP entry point (scripts/lib/request-listener.mjs) must refuse a
// flood of sign-ins before Next spends any CPU on them. The two are separate module instances in one
// process, so the gate publishes a read-only probe on globalThis under a registered symbol, and the
// entry point asks it. No probe yet (nothing has tried to hash since the start) means nothing to refuse.

export interface HashGateProbe {
  /** Seconds until `ip` could be admitted, if a request from it would be refused now; null if it would pass. Consumes nothing. */
  wouldRefuse(ip: string): number | null;
}

const KEY = Symbol.for("framehouse.hashGateProbe");

export function publishHashGateProbe(probe: HashGateProbe | undefined): void {
  (globalThis as unknown as Record<symbol, HashGateProbe | undefined>)[KEY] = probe;
}

export function hashGateProbe(): HashGateProbe | undefined {
  return (globalThis as unknown as Record<symbol, HashGateProbe | undefined>)[KEY];
}
