import "server-only";
import type { ObjectStat } from "./storage";

// Open descriptors of recently read objects, shared by the reads of the next moment (what nginx's
// open_file_cache does). A player seeking through a clip sends a Range request every few hundred
// milliseconds, each one a part of the same few files: opening and fstat-ing the file for each cost
// two trips through libuv's thread pool before the headers could go out, each queued behind the other
// responses' half-megabyte reads (bench P5, seek latency, where twenty seeking clients send over a
// thousand a second).
//
// Reads are positional (pread), so one descriptor serves any number of concurrent reads. An entry is
// trusted for `validMs` from its open and then retired: the next read opens the file again, and the
// retired descriptor is closed once its last reader lets go. So a file replaced (an atomic rename: a
// new inode) or deleted by another process is seen at most `validMs` late, with the stat (and ETag)
// of the bytes actually served; this process's own put, delete and deletePrefix retire at once.

export interface OpenedFile {
  fd: number;
  stat: ObjectStat;
}

/** One use of a cached descriptor; `release()` once done (twice is harmless). */
interface FileLease extends OpenedFile {
  release(): void;
}

interface Entry {
  /** The open under way, or done. */
  opening: Promise<OpenedFile>;
  file?: OpenedFile;
  /** Reads holding (or waiting for) this descriptor: counted before the open lands, so retiring is synchronous. */
  readers: number;
  retired: boolean;
}

export interface OpenFileCacheOptions {
  close(fd: number): void;
  /** How long an open is trusted for new reads. */
  validMs: number;
  /** Entries kept at most; beyond it a read opens its own descriptor, closed when it is released. */
  maxEntries: number;
}

export interface OpenFileCache {
  /** A lease on the file's cached descriptor, opened with `open` when none is (a failed open is not cached). */
  acquire(filePath: string, open: () => Promise<OpenedFile>): Promise<FileLease>;
  /** Retires the entry of this path: the next read opens the file again. */
  retire(filePath: string): void;
  /** Retires every entry under the folder `dir`. */
  retireUnder(dir: string): void;
  /** Entries held now (tests, diagnostics). */
  size(): number;
}

export function openFileCache(options: OpenFileCacheOptions): OpenFileCache {
  const entries = new Map<string, Entry>();

  const closeIfDone = (e: Entry) => {
    if (e.retired && e.readers === 0 && e.file) options.close(e.file.fd);
  };

  const retireEntry = (filePath: string, e: Entry) => {
    if (entries.get(filePath) === e) entries.delete(filePath);
    if (e.retired) return;
    e.retired = true;
    closeIfDone(e);
  };

  const newEntry = (filePath: string, open: () => Promise<OpenedFile>): Entry => {
    const cached = entries.size < options.maxEntries;
    const e: Entry = { opening: open(), readers: 0, retired: !cached };
    if (cached) entries.set(filePath, e);
    e.opening.then(
      (file) => {
        e.file = file;
        if (e.retired) closeIfDone(e);
        else setTimeout(() => retireEntry(filePath, e), options.validMs).unref();
      },
      // A failed open (a missing file) is not remembered: the next read asks the disk again.
      () => {
        if (entries.get(filePath) === e) entries.delete(filePath);
      },
    );
    return e;
  };

  async function acquire(filePath: string, open: () => Promise<OpenedFile>): Promise<FileLease> {
    const e = entries.get(filePath) ?? newEntry(filePath, open);
    e.readers++;
    let file: OpenedFile;
    try {
      file = await e.opening;
    } catch (err) {
      e.readers--;
      throw err;
    }
    let released = false;
    return {
      ...file,
      release() {
        if (released) return;
        released = true;
        e.readers--;
        closeIfDone(e);
      },
    };
  }

  return {
    acquire,
    retire(filePath) {
      const e = entries.get(filePath);
      if (e) retireEntry(filePath, e);
    },
    retireUnder(dir) {
      const prefix = dir.endsWith("/") ? dir : `${dir}/`;
      for (const [p, e] of entries) if (p.startsWith(prefix)) retireEntry(p, e);
    },
    size: () => entries.size,
  };
}
