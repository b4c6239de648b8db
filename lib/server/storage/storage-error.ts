import "server-only";

// Typed storage failures; callers branch on `code`, never on message text.
export type StorageErrorCode =
  | "invalid_key" // the key could escape the root or uses characters outside the allowed set
  | "not_found"
  | "too_large" // put() source exceeded maxBytes; nothing was stored
  | "not_configured" // the selected driver is not available in this build/config
  | "io"; // disk or network error from the backing store

// The process-wide storage instance lives on globalThis and may have been created by another
// bundle of this module (Next builds instrumentation — the in-app worker — and each route into
// separate chunks), so its errors are recognised by a registry symbol, not by `instanceof`.
const BRAND = Symbol.for("framehouse.StorageError");

export class StorageError extends Error {
  override readonly name = "StorageError";
  readonly code: StorageErrorCode;
  readonly [BRAND] = true;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isStorageError(e: unknown, code?: StorageErrorCode): e is StorageError {
  if (typeof e !== "object" || e === null || (e as { [BRAND]?: unknown })[BRAND] !== true) return false;
  return code === undefined || (e as StorageError).code === code;
}
