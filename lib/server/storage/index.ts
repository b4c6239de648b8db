import "server-only";

export type { ObjectStat, PutOptions, PutResult, ReadRange, Storage } from "./storage";
export { StorageError, isStorageError, type StorageErrorCode } from "./storage-error";
export {
  CLIP_FILES,
  assertValidKey,
  assertValidPrefix,
  clipKey,
  clipPrefix,
  isValidKey,
  keyProblem,
  uploadKey,
  type ClipFile,
} from "./keys";
export { createLocalStorage } from "./local-storage";
export { createStorage, type LocalStorageConfig, type S3StorageConfig, type StorageConfig } from "./create-storage";
export { downloadToStorage, type DownloadToStorageResult } from "./download-to-storage";
