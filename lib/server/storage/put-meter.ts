import "server-only";
import { ByteMeter } from "@/lib/server/byte-meter";
import { StorageError } from "./storage-error";

/** The meter of one put (both drivers): its PutResult, and StorageError("too_large") past `maxBytes`. */
export function putMeter(maxBytes: number | undefined): ByteMeter {
  if (maxBytes === undefined) return new ByteMeter();
  return new ByteMeter({ maxBytes, error: () => new StorageError("too_large", `object exceeds ${maxBytes} bytes`) });
}
