// Every route file under app/api and the HTTP methods it exports, read from the source: the
// authorization matrix (authz-matrix.test.ts) and the all-routes fuzz (api-routes-fuzz.test.ts)
// both fail when a route or a method is added without them knowing.
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const API_DIR = path.join(ROOT, "app/api");
const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

export interface ApiRouteFile {
  /** Absolute path of the route.ts. */
  file: string;
  /** "/api/generations/:id", catch-alls as ":...name". */
  url: string;
  /** The dynamic segments' names, in order (catch-alls included). */
  segments: string[];
  methods: RouteMethod[];
}

export function apiRouteFiles(): ApiRouteFile[] {
  const out: ApiRouteFile[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "route.ts") {
        const src = fs.readFileSync(p, "utf8");
        const parts = path.relative(path.join(ROOT, "app"), path.dirname(p)).split(path.sep);
        const found = new Set<RouteMethod>();
        for (const m of src.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE|HEAD)\b/g)) found.add(m[1] as RouteMethod);
        for (const m of src.matchAll(/export\s*\{([^}]*)\}/g)) {
          for (const part of m[1]!.split(",")) {
            const name = part.trim().split(/\s+as\s+/).pop()?.trim();
            if (name && (ROUTE_METHODS as readonly string[]).includes(name)) found.add(name as RouteMethod);
          }
        }
        out.push({
          file: p,
          url: "/" + parts.map((s) => s.replace(/^\[(.+)\]$/, ":$1")).join("/"),
          segments: parts.flatMap((s) => /^\[(?:\.\.\.)?(.+)\]$/.exec(s)?.slice(1, 2) ?? []),
          methods: [...found].sort(),
        });
      }
    }
  };
  walk(API_DIR);
  return out.sort((a, b) => a.url.localeCompare(b.url));
}
