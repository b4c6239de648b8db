import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { clipKey } from "@/lib/server/storage/keys";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import type { Storage } from "@/lib/server/storage/storage";
import { openDescriptorsOn } from "@/tests/support/open-descriptors";
import { waitFor } from "@/tests/support/wait-for";

// A read stream nobody reads or destroys must not reach the garbage collector with its file still open:
// Node 26 turns that into an uncaught exception (a crashed server), Node 20 into a warning. The local
// driver closes the file of an abandoned stream itself; this drops unread streams, forces collections
// until every descriptor on the object is gone, and fails on either symptom.

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

let root: string;
let store: Storage;
const key = clipKey("abandoned-read", "video.mp4");
const warnings: string[] = [];
const uncaught: unknown[] = [];
const onWarning = (w: Error) => warnings.push(w.message);
const onUncaught = (err: unknown) => uncaught.push(err);

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "fh-abandoned-"));
  store = createLocalStorage(root);
  await store.put(key, Buffer.alloc(2 * 1024 * 1024, 7), { contentType: "video/mp4" });
  process.on("warning", onWarning);
  process.prependListener("uncaughtException", onUncaught);
});
afterAll(async () => {
  process.off("warning", onWarning);
  process.off("uncaughtException", onUncaught);
  await rm(root, { recursive: true, force: true });
});

/** This process's open descriptors on the stored object. */
const openOnObject = () => openDescriptorsOn(path.join(root, key));

/** Forces collections until no descriptor on the object is left open. */
async function collectUntilClosed(what: string): Promise<void> {
  await waitFor(
    what,
    async () => {
      gc();
      await new Promise((r) => setImmediate(r));
      return openOnObject() === 0;
    },
    30_000,
    20,
  );
}

/** Opens reads without reading a byte. The caller holds them while it counts their descriptors and then
 *  lets go: a collection can come at any allocation, and one during the opening (it did, on a loaded
 *  machine) would close some before the count and make it short. */
async function openReads(n: number): Promise<unknown[]> {
  const reads: unknown[] = [];
  for (let i = 0; i < n; i++) reads.push(await store.read(key, { start: i * 1000, end: i * 1000 + 511_999 }));
  return reads;
}

it("closes the file of a read stream that is dropped unread, without a warning or an uncaught error", async () => {
  const held = await openReads(5);
  expect(openOnObject()).toBe(5);
  held.length = 0; // dropped unread: no reference is left
  await collectUntilClosed("the dropped streams' files to be closed");
  expect(warnings.filter((m) => /file descriptor|FileHandle/i.test(m))).toEqual([]);
  expect(uncaught).toEqual([]);
});

it("a stream read to its end closes its file at once and is not left to the collector", async () => {
  const s = await store.read(key, { start: 0, end: 99 });
  let bytes = 0;
  for await (const chunk of s) bytes += (chunk as Buffer).length;
  expect(bytes).toBe(100);
  await waitFor("the read's file to be closed", async () => openOnObject() === 0, 10_000, 10);
});

it("closes the file of a ReadHandle (openRead) that is dropped without close()", async () => {
  const held: unknown[] = [];
  for (let i = 0; i < 4; i++) held.push(await store.openRead!(key));
  // The handles share one descriptor (open-file-cache.ts), which is closed when its validity window has
  // passed and the last of them is gone: only if every dropped handle gave its lease back.
  expect(openOnObject()).toBe(1);
  held.length = 0; // dropped without close(): no reference is left
  await collectUntilClosed("the dropped handles' shared file to be closed");
  expect(uncaught).toEqual([]);
});
