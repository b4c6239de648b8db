import "server-only";
import { randomUUID } from "node:crypto";
import { close as closeFd, createReadStream, fstat as fstatFd, open as openFd, read as readFd } from "node:fs";
import type { BigIntStats } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { mkdir, open, readdir, rename, rm, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { chunkBytes } from "./chunk-bytes";
import { openFileCache } from "./open-file-cache";
import { putMeter } from "./put-meter";
import { assertValidKey, assertValidPrefix, RESERVED_PREFIX } from "./keys";
import type { ObjectStat, PutOptions, PutResult, ReadHandle, ReadRange, Storage } from "./storage";
import { StorageError } from "./storage-error";

// Local-disk driver. Durability recipe for put (docs/reliability.md, I5): write <root>/tmp/<uuid>,
// fsync the file, rename onto the final path (atomic within one filesystem, so readers see either
// the old object or the complete new one), then fsync the directory so the rename survives power
// loss. Temp files live under the same root so the rename never crosses filesystems.
// Content types are not persisted locally: the media route knows each asset kind's type.

const READ_CHUNK_MIN = 64 * 1024;
const READ_CHUNK_MAX = 512 * 1024;

// A read stream that is neither read to its end nor destroyed (a response body nobody pulls, a consumer
// that gave up) is left to the garbage collector. On a FileHandle that was a warning on Node 20 and is an
// uncaught ERR_INVALID_STATE on Node 26, which ends the process; and the handle keeps its stream alive
// (a 'close' listener), so a finalizer on the stream never ran. Reads therefore stream from a plain
// descriptor, and this registry closes the descriptor of a stream that was collected; a stream that
// closes its descriptor itself (end, error, destroy) unregisters first, so a reused number is never hit.
// The held value is the descriptor's number, not a closure: a closure made in read() would share its
// scope with the stream and keep the stream alive, so it would never be collected.
const abandonedReads = new FinalizationRegistry<number>((fd) => {
  closeFd(fd, () => undefined);
});
// A ReadHandle (openRead) nobody closed gives its lease on the shared descriptor back when collected
// (`release` is made by the cache, outside openRead's scope, so it does not hold the handle).
const abandonedHandles = new FinalizationRegistry<() => void>((release) => release());

/** openRead's descriptors are shared for this long (open-file-cache.ts), and at most this many files. */
const OPEN_FILES = { validMs: 1_000, maxEntries: 256 };
const openFdAsync = promisify(openFd);
const fstatAsync = promisify(fstatFd);
const readFdAsync = promisify(readFd);

/** Inode + size + mtime(ns) as the ETag: an atomic replace always gets a new inode, so the ETag changes. */
function objectStat(s: BigIntStats): ObjectStat {
  return { size: Number(s.size), mtimeMs: Number(s.mtimeMs), etag: `"${s.ino.toString(16)}-${s.size.toString(16)}-${s.mtimeNs.toString(16)}"` };
}

function errnoCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** Runs a filesystem step and turns its failure into StorageError("io"), keeping the errno as cause. */
async function fsStep<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (cause) {
    if (cause instanceof StorageError) throw cause;
    throw new StorageError("io", `${what} failed: ${errnoCode(cause) ?? String(cause)}`, { cause });
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const h = await open(dir, "r");
  try {
    await h.sync();
  } finally {
    await h.close();
  }
}

async function writeAll(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

export function createLocalStorage(rootDir: string): Storage {
  const root = path.resolve(rootDir);
  const tmpDir = path.join(root, RESERVED_PREFIX);
  const openFiles = openFileCache({ ...OPEN_FILES, close: (fd) => closeFd(fd, () => undefined) });

  const resolveKey = (key: string): string => {
    const p = path.join(root, ...assertValidKey(key).split("/"));
    // Belt and braces: validation already makes escaping impossible.
    if (!p.startsWith(root + path.sep)) throw new StorageError("invalid_key", "key resolves outside the root");
    return p;
  };

  async function put(key: string, source: Readable | Buffer | Uint8Array, options: PutOptions): Promise<PutResult> {
    const finalPath = resolveKey(key);
    const { maxBytes } = options;
    const tmpPath = path.join(tmpDir, randomUUID());
    let handle: FileHandle | undefined;
    // The source can fail while the temp file is still being opened (a download reset early). Without a
    // listener from the start, that error would be an uncaught exception that ends the process; with
    // it, the iteration below still reports the error, since a stream remembers it (`errored`).
    const keepEarlyError = () => undefined;
    if (source instanceof Readable) source.on("error", keepEarlyError);
    try {
      await fsStep("mkdir tmp", () => mkdir(tmpDir, { recursive: true }));
      handle = await fsStep("open temp file", () => open(tmpPath, "wx", 0o644));
      const fh = handle;
      const meter = putMeter(maxBytes);
      const write = async (chunk: Uint8Array) => {
        meter.add(chunk);
        await fsStep("write", () => writeAll(fh, chunk));
      };
      if (source instanceof Readable) {
        // Source errors propagate unchanged (e.g. SafeFetchError) so callers can classify them.
        for await (const chunk of source) await write(chunkBytes(chunk));
      } else {
        await write(source);
      }
      await fsStep("fsync", () => fh.sync());
      await fsStep("close", () => fh.close());
      handle = undefined;
      await renameIntoPlace(tmpPath, finalPath);
      openFiles.retire(finalPath);
      return meter.result();
    } catch (err) {
      if (source instanceof Readable && !source.destroyed) source.destroy();
      await handle?.close().catch(() => undefined);
      await rm(tmpPath, { force: true }).catch(() => undefined);
      throw err;
    } finally {
      if (source instanceof Readable) source.off("error", keepEarlyError);
    }
  }

  async function renameIntoPlace(tmpPath: string, finalPath: string): Promise<void> {
    const dir = path.dirname(finalPath);
    // A concurrent deletePrefix may remove the parent between mkdir and rename: recreate and retry.
    for (let attempt = 0; ; attempt++) {
      await fsStep("mkdir", () => mkdir(dir, { recursive: true }));
      try {
        await rename(tmpPath, finalPath);
        break;
      } catch (err) {
        if (errnoCode(err) !== "ENOENT" || attempt >= 3) {
          throw new StorageError("io", `rename failed: ${errnoCode(err) ?? String(err)}`, { cause: err });
        }
      }
    }
    await fsStep("fsync directory", () => fsyncDir(dir));
  }

  async function statKey(key: string): Promise<ObjectStat | null> {
    const p = resolveKey(key);
    try {
      const s = await stat(p, { bigint: true });
      return s.isFile() ? objectStat(s) : null;
    } catch (err) {
      if (errnoCode(err) === "ENOENT" || errnoCode(err) === "ENOTDIR") return null;
      throw new StorageError("io", `stat failed: ${errnoCode(err) ?? String(err)}`, { cause: err });
    }
  }

  /** A descriptor of the object's file, checked to be a regular file, and its stat; StorageError otherwise. */
  async function openObject(p: string, key: string): Promise<{ fd: number; stat: ObjectStat }> {
    let fd: number;
    try {
      fd = await openFdAsync(p, "r");
    } catch (err) {
      const code = errnoCode(err);
      if (code === "ENOENT" || code === "ENOTDIR") throw new StorageError("not_found", `no object at ${key}`);
      throw new StorageError("io", `open failed: ${code ?? String(err)}`, { cause: err });
    }
    const s = await fstatAsync(fd, { bigint: true }).catch((err: unknown) => {
      closeFd(fd, () => undefined);
      throw new StorageError("io", "fstat failed", { cause: err });
    });
    if (!s.isFile()) {
      closeFd(fd, () => undefined);
      throw new StorageError("not_found", `no object at ${key}`);
    }
    return { fd, stat: objectStat(s) };
  }

  async function openRead(key: string): Promise<ReadHandle> {
    const p = resolveKey(key);
    const { fd, stat, release } = await openFiles.acquire(p, () => openObject(p, key));
    const handle: ReadHandle = {
      stat,
      read: (into, length, position) =>
        fsStep("read", async () => (await readFdAsync(fd, into, 0, length, position)).bytesRead),
      close: () => {
        abandonedHandles.unregister(handle);
        release();
      },
    };
    abandonedHandles.register(handle, release, handle);
    return handle;
  }

  async function read(key: string, range: ReadRange = {}): Promise<Readable> {
    const p = resolveKey(key);
    const { start = 0, end } = range;
    if (!Number.isSafeInteger(start) || start < 0 || (end !== undefined && (!Number.isSafeInteger(end) || end < start))) {
      throw new RangeError(`invalid read range ${start}-${end ?? ""}`);
    }
    const { fd } = await openObject(p, key);
    // The stream owns the descriptor from here and closes it on end, error or destroy. Reads of up to
    // READ_CHUNK_MAX bytes each (instead of the default 64 KiB): a player's 512 KiB seek is then one
    // read and one chunk through the web stream, not eight; small ranges still read only what they need.
    const want = end !== undefined ? end - start + 1 : Number.POSITIVE_INFINITY;
    const highWaterMark = Math.min(READ_CHUNK_MAX, Math.max(READ_CHUNK_MIN, want));
    const stream = createReadStream(p, { fd, start, ...(end !== undefined ? { end } : {}), autoClose: true, highWaterMark });
    abandonedReads.register(stream, fd, stream);
    stream.once("close", () => abandonedReads.unregister(stream));
    return stream;
  }

  async function del(key: string): Promise<void> {
    const p = resolveKey(key);
    try {
      await unlink(p);
    } catch (err) {
      const code = errnoCode(err);
      if (code === "ENOENT" || code === "ENOTDIR") return;
      throw new StorageError("io", `delete failed: ${code ?? String(err)}`, { cause: err });
    } finally {
      // After the unlink, not before: a read opened in between would otherwise be shared for a second.
      openFiles.retire(p);
    }
  }

  async function deletePrefix(prefix: string): Promise<number> {
    const dir = resolveKey(assertValidPrefix(prefix).slice(0, -1));
    let entries;
    try {
      entries = await readdir(dir, { recursive: true, withFileTypes: true });
    } catch (err) {
      const code = errnoCode(err);
      if (code === "ENOENT" || code === "ENOTDIR") return 0;
      throw new StorageError("io", `list failed: ${code ?? String(err)}`, { cause: err });
    }
    const files = entries.filter((e) => e.isFile()).length;
    try {
      await fsStep("delete prefix", () => rm(dir, { recursive: true, force: true }));
    } finally {
      openFiles.retireUnder(dir); // after the removal, as in del
    }
    return files;
  }

  async function sweepTemp(olderThanMs: number): Promise<number> {
    // In-progress writes touch their mtime on every chunk, so only stalled or orphaned ones age.
    const cutoff = Date.now() - olderThanMs;
    let names: string[];
    try {
      names = await readdir(tmpDir);
    } catch (err) {
      if (errnoCode(err) === "ENOENT") return 0;
      throw new StorageError("io", `list tmp failed: ${errnoCode(err) ?? String(err)}`, { cause: err });
    }
    let removed = 0;
    for (const name of names) {
      const p = path.join(tmpDir, name);
      const s = await stat(p).catch(() => null);
      if (s && s.mtimeMs <= cutoff) {
        await rm(p, { recursive: true, force: true });
        removed++;
      }
    }
    return removed;
  }

  return { driver: "local", put, stat: statKey, read, openRead, delete: del, deletePrefix, sweepTemp };
}
