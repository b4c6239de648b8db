import "server-only";

// Typed storage failures; callers branch on `code`, never on message text (DESIGN.md rule 4).
export type StorageErrorCode =
  | "invalid_key" // the key could escape the root or uses characters outside the allowed set
  | "not_found"
  | "too_large" // put() source exceeded maxBytes; nothing was stored
  | "not_configured" // the selected driver is not available in this build/config
  | "io"; // disk or network error from the backing store

export class StorageError extends Error {
  override readonly name = "StorageError";
  readonly code: StorageErrorCode;

  constructor(code: StorageErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isStorageError(e: unknown, code?: StorageErrorCode): e is StorageError {
  return e instanceof StorageError && (code === undefined || e.code === code);
}
