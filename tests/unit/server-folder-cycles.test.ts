import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Folders of lib/server (one concern each) must import one way: a cycle between folders (a → b → a)
// means two concerns each need the other, and neither can be read, tested or moved alone. This reads
// every import of lib/server and fails on any strongly connected group of two or more folders.

const ROOT = path.resolve("lib/server");
const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

function folderOf(file: string): string | null {
  const parts = path.relative(ROOT, file).split(path.sep);
  return parts.length > 1 ? parts[0]! : null;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

function folderEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of files(ROOT)) {
    const from = folderOf(file);
    if (!from) continue;
    for (const [, spec] of fs.readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = spec!.startsWith("@/lib/server/") ? path.join(ROOT, spec!.slice("@/lib/server/".length)) : spec!.startsWith(".") ? path.resolve(path.dirname(file), spec!) : null;
      if (!target || path.relative(ROOT, target).startsWith("..")) continue;
      const to = folderOf(`${target}.ts`);
      if (to && to !== from) edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return edges;
}

/** Tarjan's strongly connected components with more than one member. */
function cycles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe("lib/server folders", () => {
  it("import one way: no cycle between folders", () => {
    const edges = folderEdges();
    expect(edges.size).toBeGreaterThan(10);
    expect(cycles(edges)).toEqual([]);
  });

  it("the check finds a cycle when there is one", () => {
    expect(cycles(new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])], ["d", new Set(["a"])]]))).toEqual([["a", "b", "c"]]);
  });
});
