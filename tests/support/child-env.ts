// The base of every scrubbed environment a test gives a child process (worker, app, CLI). Besides
// PATH and HOME it carries the runtime's own preload: the Node-LTS pass (scripts/lib/node-lts.mjs)
// loads better-sqlite3 compiled for its ABI through the variables it names in NODE_LTS_ENV_NAMES,
// and a child started without them loads the Node 20 addon, fails every database call and retries
// forever, so its test waits until it times out instead of failing.
import { NODE_LTS_ENV_NAMES } from "@/scripts/lib/node-lts.mjs";

export function childBaseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ["PATH", "HOME", ...NODE_LTS_ENV_NAMES]) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}
