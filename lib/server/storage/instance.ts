import "server-only";
import path from "node:path";
import { env } from "../env";
import { createStorage } from "./create-storage";
import type { Storage } from "./storage";

// The process-wide storage driver, configured from env (local disk under DATA_DIR/media by default).
const holder = globalThis as unknown as { framehouseStorage?: Storage };

export function storage(): Storage {
  if (!holder.framehouseStorage) {
    const e = env();
    holder.framehouseStorage =
      e.STORAGE_DRIVER === "s3"
        ? createStorage({
            driver: "s3",
            bucket: e.S3_BUCKET ?? "",
            region: e.S3_REGION,
            endpoint: e.S3_ENDPOINT,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
            forcePathStyle: e.S3_FORCE_PATH_STYLE,
          })
        : createStorage({ driver: "local", rootDir: path.resolve(e.DATA_DIR, "media") });
  }
  return holder.framehouseStorage;
}
