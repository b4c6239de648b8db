// One TypeScript module loaded into a plain Node process (scripts/server.mjs) through tsx, scoped to
// that import (no global hooks). tsx also switches on source-map support for the whole process as it
// loads a module, which Next's server is not meant to run with (next start leaves it off): with it on,
// Node read and parsed the .map file of each of the build's 800+ server chunks as it loaded them, and
// start-up to a healthy server took 4.8 s instead of 3.0 s (median of 6 alternating starts). So the
// process's own setting is put back after the import.
import { tsImport } from "tsx/esm/api";

/** tsImport(specifier, parentUrl), leaving process.sourceMapsEnabled as it was. */
export async function importTs(specifier, parentUrl) {
  const sourceMaps = process.sourceMapsEnabled;
  try {
    return await tsImport(specifier, parentUrl);
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
  }
}
