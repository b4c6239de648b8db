import "server-only";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";

// Who holds a lease: `host:pid:random:space`. `space` names the set of processes whose pids mean the
// same thing as ours (this boot of this kernel, this pid namespace); another runner in the same space
// can then tell that a holder is gone (`kill(pid, 0)` says no such process) and take its jobs at once
// instead of waiting out the lease (./dead-owners.ts). Where the space cannot be read (not Linux, no
// /proc) the owner has no `space` part and its leases only ever run out.

const OWNER_RE = /^(.+):(\d+):([0-9a-f]{12})(?::([0-9a-f]{16}))?$/;

let cachedSpace: string | null | undefined;

/** This process's pid space: a digest of the kernel's boot id and our pid namespace, or null where either is unknown. */
export function localPidSpace(): string | null {
  if (cachedSpace !== undefined) return cachedSpace;
  try {
    const bootId = fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const pidNamespace = fs.readlinkSync("/proc/self/ns/pid"); // "pid:[4026531836]"
    cachedSpace = bootId && pidNamespace ? createHash("sha256").update(`${bootId}\n${pidNamespace}`).digest("hex").slice(0, 16) : null;
  } catch {
    cachedSpace = null;
  }
  return cachedSpace;
}

/** A new runner's lease owner, unique per runner (two runners in one process differ by `random`). */
export function newLeaseOwner(): string {
  const base = `${os.hostname()}:${process.pid}:${randomBytes(6).toString("hex")}`;
  const space = localPidSpace();
  return space ? `${base}:${space}` : base;
}

export interface ParsedOwner {
  pid: number;
  /** Null for an owner written without one (an older runner, a platform without /proc). */
  space: string | null;
}

export function parseLeaseOwner(owner: string): ParsedOwner | null {
  const m = OWNER_RE.exec(owner);
  if (!m) return null;
  const pid = Number(m[2]);
  return Number.isSafeInteger(pid) && pid > 0 ? { pid, space: m[4] ?? null } : null;
}

/**
 * True only when `owner` is certainly gone: it lived in our pid space, is not this process, and no
 * process has its pid. A live process with that pid (the owner itself, a stopped or zombie one, or an
 * unrelated process that reused the pid) or any doubt answers false, and the lease runs out as usual.
 */
export function isGoneLocalOwner(owner: string): boolean {
  const parsed = parseLeaseOwner(owner);
  const space = localPidSpace();
  if (!parsed || !space || parsed.space !== space || parsed.pid === process.pid) return false;
  try {
    process.kill(parsed.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH"; // EPERM: it exists, we may not signal it
  }
}
