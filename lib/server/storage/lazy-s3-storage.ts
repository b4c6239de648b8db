import "server-only";
import { Readable } from "node:stream";
import type { S3StorageConfig } from "./create-storage";
import type { Storage } from "./storage";

// The S3 driver behind a loader: the AWS SDK costs about a quarter of a second of module loading, and
// createStorage() used to import it in every process, also where the studio keeps media on local disk.
// Now the SDK loads at the driver's first call, once per process; the driver itself is unchanged.
export function lazyS3Storage(config: S3StorageConfig): Storage {
  let loading: Promise<Storage> | undefined;
  const driver = () => (loading ??= import("./s3-storage").then((m) => m.createS3Storage(config)));
  return {
    driver: "s3",
    presigner: async () => {
      const store = await driver();
      return store.presigner!();
    },
    put: async (key, source, options) => {
      let store: Storage;
      try {
        store = await driver();
      } catch (err) {
        // put() owns the source stream: a driver that cannot load must not leave it open.
        if (source instanceof Readable) source.destroy();
        throw err;
      }
      return store.put(key, source, options);
    },
    stat: async (key) => (await driver()).stat(key),
    read: async (key, range) => (await driver()).read(key, range),
    delete: async (key) => (await driver()).delete(key),
    deletePrefix: async (prefix) => (await driver()).deletePrefix(prefix),
    sweepTemp: async (olderThanMs) => (await driver()).sweepTemp(olderThanMs),
  };
}
