// Waiting on a condition with an explicit deadline, never on a fixed sleep: the machine may be
// loaded (two cores shared with other suites), so a test waits as long as it needs, up to a deadline
// generous enough that only a real hang reaches it, and then fails saying what it waited for.

export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number, everyMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
