import { describe, expect, it } from "vitest";
import { ProcessError, runProcess } from "@/lib/media-tools/run-process";

describe("runProcess", () => {
  it("returns stdout and passes arguments verbatim (no shell)", async () => {
    const { stdout } = await runProcess("printf", ["%s|", "a b", "$(rm -rf /)", ";"]);
    expect(stdout).toBe("a b|$(rm -rf /)|;|");
  });

  it("puts the tail of stderr and the exit code into the error", async () => {
    const noisy = "x".repeat(10_000);
    const error = await runProcess("sh", ["-c", `printf '${noisy}' >&2; echo 'the real reason' >&2; exit 3`]).catch((e) => e);
    expect(error).toBeInstanceOf(ProcessError);
    expect(error).toMatchObject({ failure: "exit", exitCode: 3 });
    expect(error.stderrTail).toContain("the real reason");
    expect(error.stderrTail.length).toBeLessThanOrEqual(2048);
  });

  it("kills a process that runs past its time cap", async () => {
    const started = Date.now();
    await expect(runProcess("sleep", ["10"], { timeoutMs: 200 })).rejects.toMatchObject({ failure: "timeout" });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("reports a missing binary as a spawn failure", async () => {
    await expect(runProcess("/nonexistent/ffmpeg", [])).rejects.toMatchObject({ failure: "spawn" });
  });

  it("streams stdout to onStdout as it arrives instead of keeping it (no cap then)", async () => {
    const chunks: Buffer[] = [];
    const { stdout } = await runProcess("sh", ["-c", "printf 'frame=1\\n'; head -c 3000 /dev/zero"], { stdoutCapBytes: 1000, onStdout: (c) => chunks.push(c) });
    expect(stdout).toBe("");
    expect(Buffer.concat(chunks).subarray(0, 8).toString()).toBe("frame=1\n");
    expect(Buffer.concat(chunks).length).toBe(3008);
  });

  it("runs work nobody waits on at the niceness it was given", async () => {
    // The child reads its own nice value (field 19 of /proc/<pid>/stat) until the parent has lowered
    // it, with a deadline of 500 checks; without the option (or if it failed) it prints 0.
    const readNice = `for i in $(seq 1 500); do n=$(cut -d' ' -f19 /proc/$$/stat); [ "$n" != 0 ] && break; sleep 0.01; done; echo "$n"`;
    const lowered = await runProcess("sh", ["-c", readNice], { niceness: 10 });
    expect(lowered.stdout.trim()).toBe("10");
    const normal = await runProcess("sh", ["-c", "cut -d' ' -f19 /proc/$$/stat"]);
    expect(normal.stdout.trim()).toBe("0");
  });

  it("caps stdout", async () => {
    await expect(runProcess("head", ["-c", "100000", "/dev/zero"], { stdoutCapBytes: 1000 })).rejects.toMatchObject({ failure: "stdout-cap" });
  });

  it("can be aborted", async () => {
    const controller = new AbortController();
    const run = runProcess("sleep", ["10"], { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(run).rejects.toMatchObject({ failure: "aborted" });
  });
});
