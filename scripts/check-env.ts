// Validates the configuration once before anything starts (run by scripts/start.mjs with
// --conditions=react-server so the server-only marker resolves). Exit 1 names the bad variable.
import { env, EnvError } from "../lib/server/env";

try {
  env();
} catch (err) {
  if (err instanceof EnvError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
