// Regression: the production build bundles lib/server/storage/storage-error.ts more than once
// (instrumentation — the in-app worker that creates the shared globalThis storage — and every route
// get their own chunk), so a StorageError thrown by the shared instance comes from a different class
// copy than the one a route checks against. With `instanceof`, /api/health answered 503 for a plain
// "not found". Two fresh module graphs stand in for the two chunks here.
import { describe, expect, it, vi } from "vitest";

type Mod = typeof import("@/lib/server/storage/storage-error");

async function freshCopy(): Promise<Mod> {
  vi.resetModules();
  return import("@/lib/server/storage/storage-error");
}

describe("isStorageError across module copies", () => {
  it("recognises an error thrown by another copy of the module, by code", async () => {
    const worker = await freshCopy();
    const route = await freshCopy();
    expect(route.StorageError).not.toBe(worker.StorageError); // really two copies
    const err = new worker.StorageError("not_found", "no object at health/probe");
    expect(route.isStorageError(err)).toBe(true);
    expect(route.isStorageError(err, "not_found")).toBe(true);
    expect(route.isStorageError(err, "io")).toBe(false);
  });

  it("does not accept look-alikes", async () => {
    const { isStorageError } = await freshCopy();
    const fake = Object.assign(new Error("x"), { name: "StorageError", code: "not_found" });
    expect(isStorageError(fake)).toBe(false);
    expect(isStorageError(null)).toBe(false);
    expect(isStorageError("not_found")).toBe(false);
  });
});
