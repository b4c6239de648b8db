// A command run with the CPU of every process it starts counted: the run is started in a fresh control
// group (cgroup v1 cpuacct or v2 cpu.stat; needs root). Reaped-children CPU (getrusage, `time`) would
// miss processes whose parent never waits for them (a browser Playwright kills, a worker a test kills).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

export type CountedRun = { wall: number; cpu: number; status: number | null; output: string };

/** A fresh control group that counts CPU: its folder and how to read its CPU seconds so far. */
function cpuGroup(name: string): { dir: string; seconds: () => number } {
  const v1 = "/sys/fs/cgroup/cpuacct";
  if (fs.existsSync(path.join(v1, "cpuacct.usage"))) {
    const dir = path.join(v1, name);
    fs.mkdirSync(dir);
    return { dir, seconds: () => Number(fs.readFileSync(path.join(dir, "cpuacct.usage"), "utf8")) / 1e9 };
  }
  const v2 = ["/sys/fs/cgroup/unified", "/sys/fs/cgroup"].find((d) => fs.existsSync(path.join(d, "cgroup.procs")) && fs.existsSync(path.join(d, "cpu.stat")));
  if (v2) {
    const dir = path.join(v2, name);
    fs.mkdirSync(dir);
    return { dir, seconds: () => Number(/usage_usec (\d+)/.exec(fs.readFileSync(path.join(dir, "cpu.stat"), "utf8"))?.[1]) / 1e6 };
  }
  throw new Error("no cgroup CPU accounting here (needs root and cgroup v1 cpuacct or v2)");
}

let runNo = 0;

/** Runs `cmd args` to its end; wall and CPU in seconds, exit status and the interleaved output. */
export function runInCpuGroup(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): CountedRun {
  const group = cpuGroup(`fh-bench-${process.pid}-${++runNo}`);
  const t0 = performance.now();
  // The shell moves itself into the group, then becomes the command: every process it starts is counted.
  const r = spawnSync("sh", ["-c", 'echo $$ > "$0/cgroup.procs" && exec "$@"', group.dir, cmd, ...args], { ...opts, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const wall = (performance.now() - t0) / 1000;
  const cpu = group.seconds();
  try {
    fs.rmdirSync(group.dir); // refused while a stray process of the run is still in it; left for the OS then
  } catch {
    console.log(`note: ${group.dir} still has processes in it`);
  }
  return { wall, cpu, status: r.status, output: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}
