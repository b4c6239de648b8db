// Types of worker-bundle.mjs for the TypeScript that imports it (tests/support/worker-process.ts,
// tests/integration/worker-bundle.test.ts).
export const WORKER_BUNDLE_NODE_FLAGS: string[];
export const WORKER_BUNDLE_DIR: string;
export function buildWorkerBundle(root: string, opts?: { outdir?: string; now?: Date }): string;
