// CPU time spent by a process group (a server the bench started: processes.ts runs each as its own
// group), by the bench process itself, and by the whole machine, read from /proc (Linux). A latency
// ratio on a 2-core machine means little without them: the bench's own client competes with the
// server for the same cores, and so does everyone else on a shared machine.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

let ticksPerSec = 0;
function tickMs(): number {
  if (!ticksPerSec) {
    try {
      ticksPerSec = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim()) || 100;
    } catch {
      ticksPerSec = 100;
    }
  }
  return 1000 / ticksPerSec;
}

/** User + system CPU milliseconds of the live processes whose process group is `pgid`. */
function groupCpuMs(pgid: number): number {
  let ticks = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name (which may hold spaces): state ppid pgrp … utime(14) stime(15).
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(rest[2]) !== pgid) continue;
    ticks += Number(rest[11]) + Number(rest[12]);
  }
  return ticks * tickMs();
}

/** Busy and total CPU milliseconds of the machine (all cores) since boot. */
function machineCpuMs(): { busy: number; total: number } {
  const line = fs.readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "";
  const f = line.trim().split(/\s+/).slice(1, 9).map(Number);
  const total = f.reduce((a, b) => a + b, 0);
  const idle = (f[3] ?? 0) + (f[4] ?? 0);
  return { busy: (total - idle) * tickMs(), total: total * tickMs() };
}

interface Sample {
  server: number;
  self: number;
  busy: number;
  total: number;
}

function sample(serverPgid: number): Sample {
  const { busy, total } = machineCpuMs();
  const self = process.cpuUsage();
  return { server: groupCpuMs(serverPgid), self: (self.user + self.system) / 1000, busy, total };
}

/** CPU used between start() and the windows' end, summed over several windows. */
export class CpuShares {
  private sum = { server: 0, self: 0, busy: 0, total: 0, wallMs: 0 };
  private open: { at: number; s: Sample } | null = null;
  constructor(private readonly serverPgid: number) {}

  start(): void {
    this.open = { at: Date.now(), s: sample(this.serverPgid) };
  }

  stop(): void {
    if (!this.open) return;
    const s = sample(this.serverPgid);
    const o = this.open.s;
    this.sum.server += s.server - o.server;
    this.sum.self += s.self - o.self;
    this.sum.busy += s.busy - o.busy;
    this.sum.total += s.total - o.total;
    this.sum.wallMs += Date.now() - this.open.at;
    this.open = null;
  }

  /** CPU milliseconds the server's process group used over the windows. */
  serverMs(): number {
    return this.sum.server;
  }

  /** In cores (1.00 = one core busy the whole time): the server, this process, everything else. */
  describe(selfLabel: string): string {
    const { server, self, busy, total, wallMs } = this.sum;
    if (!wallMs) return "no CPU sample";
    const cores = (ms: number) => (ms / wallMs).toFixed(2);
    const others = Math.max(0, busy - server - self);
    return `server ${cores(server)} cores, ${selfLabel} ${cores(self)}, rest of the machine ${cores(others)} (machine ${((100 * busy) / Math.max(1, total)).toFixed(0)}% busy of ${(total / wallMs).toFixed(1)} cores)`;
  }
}
