import { spawn, type ChildProcess } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { isGoneLocalOwner, localPidSpace, newLeaseOwner, parseLeaseOwner } from "@/lib/server/jobs/lease-owner";
import { gonePid } from "@/tests/support/gone-pid";

// A runner may take a lease early only from an owner that is certainly gone: same pid space, not
// this process, and no process with its pid. Every case of doubt keeps the lease.

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

function sleeper(): ChildProcess {
  const c = spawn("sleep", ["600"], { stdio: "ignore" });
  children.push(c);
  return c;
}


const space = () => localPidSpace()!;
const ownerOf = (pid: number, s: string | null = space()) => `render-host:${pid}:0123456789ab${s ? `:${s}` : ""}`;

describe("lease owners", () => {
  it("names this machine's pid space and writes it into every new owner", () => {
    expect(space()).toMatch(/^[0-9a-f]{16}$/);
    const owner = newLeaseOwner();
    expect(parseLeaseOwner(owner)).toEqual({ pid: process.pid, space: space() });
    expect(newLeaseOwner()).not.toBe(owner);
  });

  it("parses owners with and without a pid space, and refuses anything else", () => {
    expect(parseLeaseOwner("a.b-c:42:00aa11bb22cc:0011223344556677")).toEqual({ pid: 42, space: "0011223344556677" });
    expect(parseLeaseOwner("a.b-c:42:00aa11bb22cc")).toEqual({ pid: 42, space: null });
    for (const bad of ["worker-1", "host:0:00aa11bb22cc", "host:x:00aa11bb22cc", ":42:00aa11bb22cc", "host:42:short", "host:42:00aa11bb22cc:XYZ"]) {
      expect(parseLeaseOwner(bad), bad).toBeNull();
    }
  });

  it("is gone only when its pid has no process in our pid space", async () => {
    const pid = await gonePid();
    expect(isGoneLocalOwner(ownerOf(pid))).toBe(true);
    expect(isGoneLocalOwner(ownerOf(pid, "0123456789abcdef")), "another machine or pid namespace").toBe(false);
    expect(isGoneLocalOwner(ownerOf(pid, null)), "an owner without a pid space").toBe(false);
    expect(isGoneLocalOwner("worker-1")).toBe(false);
  });

  it("is not gone while a process has its pid: running, stopped, or this process", async () => {
    const running = sleeper();
    expect(isGoneLocalOwner(ownerOf(running.pid!))).toBe(false);
    running.kill("SIGSTOP"); // a frozen runner still holds its lease until it runs out
    expect(isGoneLocalOwner(ownerOf(running.pid!))).toBe(false);
    expect(isGoneLocalOwner(ownerOf(process.pid)), "another runner of this process").toBe(false);
    running.kill("SIGKILL");
    await new Promise((resolve) => running.once("exit", resolve));
    expect(isGoneLocalOwner(ownerOf(running.pid!))).toBe(true);
  });
});
