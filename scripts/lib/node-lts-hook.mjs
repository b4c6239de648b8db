// Preloaded (NODE_OPTIONS=--import) into every process of the Node-LTS test pass (node-lts.mjs):
// better-sqlite3's addon in node_modules is compiled for the Node 20 ABI, so its load is redirected
// to the copy compiled for this runtime. Nothing else is resolved differently.
import { registerHooks } from "node:module";
import { pathToFileURL } from "node:url";

const addon = process.env.FRAMEHOUSE_BETTER_SQLITE3_ADDON;
const NODE20_ADDON = /\/better-sqlite3\/build\/Release\/better_sqlite3\.node$/;

if (addon) {
  const url = pathToFileURL(addon).href;
  registerHooks({
    resolve(specifier, context, nextResolve) {
      const resolved = nextResolve(specifier, context);
      return NODE20_ADDON.test(resolved.url) && resolved.url !== url ? { ...resolved, url, shortCircuit: true } : resolved;
    },
  });
}
