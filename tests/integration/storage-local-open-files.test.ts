import { mkdtemp, rename, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { clipKey } from "@/lib/server/storage/keys";
import { createLocalStorage } from "@/lib/server/storage/local-storage";
import type { ReadHandle, Storage } from "@/lib/server/storage/storage";
import { isStorageError } from "@/lib/server/storage/storage-error";
import { openDescriptorsOn } from "@/tests/support/open-descriptors";
import { waitFor } from "@/tests/support/wait-for";

// The local driver's openRead shares one descriptor per file between the reads of the next second
// (open-file-cache.ts): a player's Range requests stop paying an open and an fstat each. What that may
// cost is bounded and stated: a file another process replaces or deletes (the worker; nothing in this
// process is told) is seen at most that second late, and meanwhile every read is of one whole object,
// its bytes and its stat (ETag) from the same file, never a mix.

let root: string;
let store: Storage;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "fh-open-files-"));
  store = createLocalStorage(root);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function firstBytes(h: ReadHandle, n: number): Promise<string> {
  const into = Buffer.alloc(n);
  return into.subarray(0, await h.read(into, n, 0)).toString();
}

/** Reads the object once through openRead: its ETag and its first bytes, from one handle. */
async function readOnce(key: string): Promise<{ etag: string; text: string }> {
  const h = await store.openRead!(key);
  try {
    return { etag: h.stat.etag, text: await firstBytes(h, 64) };
  } finally {
    h.close();
  }
}

it("serves twenty concurrent reads of one file from one descriptor", async () => {
  const key = clipKey("open-files-shared", "video.mp4");
  await store.put(key, Buffer.alloc(1024 * 1024, 3), { contentType: "video/mp4" });
  const handles = await Promise.all(Array.from({ length: 20 }, () => store.openRead!(key)));
  try {
    expect(openDescriptorsOn(path.join(root, key))).toBe(1);
    const into = Buffer.alloc(4096);
    const got = await Promise.all(handles.map((h, i) => h.read(Buffer.alloc(4096), 4096, i * 40_000)));
    expect(got.every((n) => n === 4096)).toBe(true);
    expect(await handles[0]!.read(into, 4096, 1024 * 1024 - 100)).toBe(100);
  } finally {
    for (const h of handles) h.close();
  }
});

it("sees a file another process replaced within the window, and reads one whole object meanwhile", async () => {
  const key = clipKey("open-files-replaced", "poster.jpg");
  await store.put(key, Buffer.from("old poster bytes"), { contentType: "image/jpeg" });
  const before = await readOnce(key);
  expect(before.text).toBe("old poster bytes");
  // Another process replaces it the way every writer does: a new file renamed over the old one.
  const file = path.join(root, key);
  await writeFile(`${file}.next`, "new poster bytes");
  await rename(`${file}.next`, file);
  const expected = await store.stat(key);
  const seen = await waitFor(
    "the replaced file to be read",
    async () => {
      const r = await readOnce(key);
      // Until then: the old object whole, never the new bytes under the old ETag or the other way round.
      expect([before, { etag: expected?.etag, text: "new poster bytes" }]).toContainEqual(r);
      return r.text === "new poster bytes" ? r : null;
    },
    30_000,
    20,
  );
  expect(seen.etag).toBe(expected?.etag);
});

it("refuses a file another process deleted once the window has passed", async () => {
  const key = clipKey("open-files-deleted", "video.mp4");
  await store.put(key, Buffer.from("doomed"), { contentType: "video/mp4" });
  expect((await readOnce(key)).text).toBe("doomed");
  await unlink(path.join(root, key));
  await waitFor(
    "the deleted file to be refused",
    async () => isStorageError(await readOnce(key).catch((e: unknown) => e), "not_found"),
    30_000,
    20,
  );
  // And its descriptor is gone with it.
  expect(openDescriptorsOn(`${path.join(root, key)} (deleted)`)).toBe(0);
});
