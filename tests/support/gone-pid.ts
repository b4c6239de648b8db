import { spawn } from "node:child_process";

/** The pid of a process that has exited and been reaped: no process has it (until the kernel reuses it). */
export async function gonePid(): Promise<number> {
  const c = spawn("true", [], { stdio: "ignore" });
  await new Promise((resolve) => c.once("exit", resolve));
  return c.pid!;
}
