import "server-only";
import { createLocalStorage } from "./local-storage";
import type { Storage } from "./storage";
import { StorageError } from "./storage-error";

// Driver selection. Takes plain options: lib/server/env.ts reads STORAGE_DRIVER / DATA_DIR / S3_*
// and the caller maps them here (DESIGN.md rule 1). The s3 branch is the seam for issue 7.

export interface LocalStorageConfig {
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
      throw new StorageError("not_configured", "the S3 storage driver is not available in this build yet");
  }
}
