import "server-only";
import { createLocalStorage } from "./local-storage";
import { lazyS3Storage } from "./lazy-s3-storage";
import type { Storage } from "./storage";
import { StorageError } from "./storage-error";

// Driver selection. Takes plain options: lib/server/env.ts reads STORAGE_DRIVER / DATA_DIR / S3_*
// and the caller maps them here (only lib/server/env.ts reads the environment).

interface LocalStorageConfig {
  driver: "local";
  /** Root directory, e.g. `${DATA_DIR}/media`. */
  rootDir: string;
}

export interface S3StorageConfig {
  driver: "s3";
  bucket: string;
  region: string;
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle?: boolean;
}

export type StorageConfig = LocalStorageConfig | S3StorageConfig;

export function createStorage(config: StorageConfig): Storage {
  switch (config.driver) {
    case "local":
      return createLocalStorage(config.rootDir);
    case "s3":
      if (!config.bucket) throw new StorageError("not_configured", "S3_BUCKET is required for the s3 driver");
      return lazyS3Storage(config);
  }
}
