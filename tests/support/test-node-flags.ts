// The V8 flags of every Node process the tests start: vitest's forks (each project's execArgv in
// vitest.config.ts) and the worker processes the tests spawn (worker-process.ts).
//
// --liftoff-only: Prisma's query compiler is a WebAssembly module, and V8 compiles its busy functions a
// second time with its optimising tier in background threads: about 0.8 CPU-seconds of a worker process's
// first 5 seconds, which a test's short-lived process never earns back (bench/results.md,
// T1: four of the longest integration files took 0.75× the CPU and 0.77× the wall with it). It decides which
// machine code runs, not what the code does. Deployments keep V8's default tiering (not measured there yet).
// TEST_V8_DEFAULT_TIERING=1 turns it off (bench/t1-test-node-flags.ts measures the two side by side).
export const TEST_NODE_FLAGS: readonly string[] = process.env.TEST_V8_DEFAULT_TIERING === "1" ? [] : ["--liftoff-only"];
