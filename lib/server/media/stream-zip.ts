import "server-only";
import type { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { logger } from "../logger";

// One zip streamed to a client: the gallery's export and a film's hand-off package. archiver pulls one
// entry at a time and the response body pulls from archiver; a file's stream is opened only after the
// previous entry is written, so memory stays at a few buffers whatever the total size and a remote store
// holds one connection. Text entries (small, made in memory) come first and are deflated; files are
// STOREd (videos, posters and WAVs are already compressed or gain little). An error after the first
// byte aborts the stream: the client sees a cut download, and the log says what failed.

/** An entry made in memory (a manifest, a timeline, a README). */
export interface ZipText {
  name: string;
  content: string;
  date: Date;
}

/** An entry whose bytes come from storage, opened when its turn comes. */
export interface ZipFile {
  name: string;
  date: Date;
  open: () => Promise<Readable>;
}

/** Text entries use deflate at zlib's default trade-off; `store` per file overrides it for media. */
const TEXT_ZLIB_LEVEL = 6;

/** The zip of `texts` then `files`, in that order; `what` names it in the log ("zip export"). */
export function streamZip(texts: readonly ZipText[], files: readonly ZipFile[], what: string): Readable {
  const archive = new ZipArchive({ zlib: { level: TEXT_ZLIB_LEVEL } });
  archive.on("warning", (err) => logger.warn(`${what} warning`, { err }));
  let current: Readable | null = null;
  let settle: ((err?: Error) => void) | null = null;
  archive.on("entry", () => settle?.());
  archive.on("error", (err) => settle?.(err));
  // The client went away (or an error destroyed the archive): stop reading the open file.
  archive.on("close", () => {
    current?.destroy();
    settle?.(new Error("zip stream closed"));
  });
  /** Resolves when archiver has written the entry appended next. */
  const written = () =>
    new Promise<void>((resolve, reject) => {
      settle = (err) => (err ? reject(err) : resolve());
    });
  void (async () => {
    for (const t of texts) {
      if (archive.destroyed) return;
      const done = written();
      archive.append(Buffer.from(t.content, "utf8"), { name: t.name, date: t.date });
      await done;
    }
    for (const f of files) {
      if (archive.destroyed) return;
      current = await f.open();
      // Closed while the file was being opened: nobody will read it.
      if (archive.destroyed) return void current.destroy();
      const done = written();
      archive.append(current, { name: f.name, date: f.date, store: true });
      await done;
    }
    settle = null;
    await archive.finalize();
  })().catch((err: unknown) => {
    if (archive.destroyed) return;
    logger.error(`${what} failed`, { err });
    archive.destroy(err instanceof Error ? err : new Error(`${what} failed`));
  });
  return archive;
}
