// `npm run worker`: an extra worker process (scripts/worker.ts), run from its bundle
// (scripts/lib/worker-bundle.mjs: built in well under a second, then started on a little over half the
// CPU that loading the TypeScript through tsx takes). The package.json script starts this file with
// the flags the bundle needs (WORKER_BUNDLE_NODE_FLAGS there).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildWorkerBundle } from "./lib/worker-bundle.mjs";

const root = path.resolve(import.meta.dirname, "..");
let bundle;
try {
  bundle = buildWorkerBundle(root);
} catch (err) {
  // The same first line as a worker that cannot start for any other reason (scripts/worker.ts).
  process.stderr.write(`worker failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
await import(pathToFileURL(bundle).href);
