import "server-only";

export type { PutResult, Storage } from "./storage";
export { clipKey, clipPrefix, filmExportKey, filmExportPrefix, uploadKey, type ClipFile } from "./keys";
export { createLocalStorage } from "./local-storage";
export { createStorage } from "./create-storage";
