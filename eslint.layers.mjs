// The layers of lib/server, lowest first (docs/architecture.md, "Layers"). A module may import only
// from folders (or top-level files) listed BEFORE its own; ESLint's no-restricted-imports enforces it
// on every `npm test`. Because the order is total, no folder-level import cycle can appear without a
// lint error: a cycle needs at least one import that points up the list.
//
//   infrastructure: configuration, logs, errors, the database, the network, storage, media tools,
//                   the BigModel client
//   domain:         who may do what (auth, permissions), money (ledger), the job runner
//   services:       one folder per feature; later ones may build on earlier ones
//   composition:    the worker (all job kinds) and the HTTP layer (route wrapper, body readers)
//
// Adding a folder: put it where its imports allow, below everything that uses it.
const SERVER_LAYERS = [
  // infrastructure
  "env",
  "redact-secrets",
  "logger",
  "spans",
  "sse",
  "errors",
  "byte-meter",
  "link-token",
  "db",
  "net",
  "storage",
  "media",
  "film-render",
  "bigmodel",
  "settings",
  // domain
  "auth",
  // the viewer's language and zone: the signed-in account's saved language is part of the rule
  "locale",
  "i18n",
  "permissions",
  "media-access",
  "ledger",
  "jobs",
  // services
  "audit",
  "users",
  "budgets",
  "teams",
  "workspace",
  "uploads",
  "share",
  "generations",
  "frames",
  "film-handoff",
  "films",
  "film-export",
  "gallery",
  "studio-drafts",
  "health",
  "shell",
  "migrate-provider",
  // composition
  "worker",
  "http",
];

const BROWSER_SIDE = { group: ["@/components", "@/components/**", "**/components/**", "@/app", "@/app/**"], message: "lib/ never imports components/ or app/: the UI depends on lib, not the other way round." };

function specifiersOf(name) {
  return [`@/lib/server/${name}`, `@/lib/server/${name}/**`, `./${name}`, `./${name}/**`, `../${name}`, `../${name}/**`, `../../${name}`, `../../${name}/**`];
}

/** One flat-config block per layer: its files may not import its own layer's successors. */
export function serverLayerRules() {
  return SERVER_LAYERS.map((name, rank) => {
    const above = SERVER_LAYERS.slice(rank + 1);
    return {
      files: [`lib/server/${name}.ts`, `lib/server/${name}/**/*.ts`],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            patterns: [
              ...(above.length ? [{ group: above.flatMap(specifiersOf), message: `lib/server/${name} sits below these layers (eslint.layers.mjs): import downwards only.` }] : []),
              BROWSER_SIDE,
            ],
          },
        ],
      },
    };
  });
}

/** lib/ outside lib/server: never the UI either. */
export const LIB_NOT_UI = BROWSER_SIDE;
