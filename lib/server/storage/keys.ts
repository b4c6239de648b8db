import "server-only";
import { isId } from "@/lib/shared/ids";
import { StorageError } from "./storage-error";

// Object keys are deterministic (a retry overwrites, never duplicates) and so
// strict that no key can name a path outside the storage root on any driver: "/"-separated
// segments of [A-Za-z0-9._-], never starting with "." (so no "." / ".." / hidden files), no empty
// segments, no backslashes, no absolute paths. The first segment "tmp" is reserved for the local
// driver's in-progress writes.

export const CLIP_FILES = ["video.mp4", "cover.jpg", "poster.jpg", "preview.mp4"] as const;
export type ClipFile = (typeof CLIP_FILES)[number];

const SEGMENT_RE = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const EXT_RE = /^[a-z0-9]{1,10}$/;
const MAX_KEY_LENGTH = 512;
const MAX_DEPTH = 8;
export const RESERVED_PREFIX = "tmp";

/** Returns why `key` is invalid, or null when it is a safe object key. */
export function keyProblem(key: string): string | null {
  if (typeof key !== "string" || key.length === 0) return "key is empty";
  if (key.length > MAX_KEY_LENGTH) return `key is longer than ${MAX_KEY_LENGTH} characters`;
  if (key.includes("\\")) return "key contains a backslash";
  if (key.startsWith("/")) return "key is absolute";
  const segments = key.split("/");
  if (segments.length > MAX_DEPTH) return `key is deeper than ${MAX_DEPTH} segments`;
  for (const s of segments) {
    if (s === "") return "key has an empty segment";
    if (s === "." || s === "..") return "key has a dot segment";
    if (!SEGMENT_RE.test(s)) return `key segment ${JSON.stringify(s)} has disallowed characters`;
  }
  if (segments[0] === RESERVED_PREFIX) return `key prefix "${RESERVED_PREFIX}/" is reserved`;
  return null;
}

export function isValidKey(key: string): boolean {
  return keyProblem(key) === null;
}

/** Throws StorageError("invalid_key") unless `key` is safe; returns it for chaining. */
export function assertValidKey(key: string): string {
  const problem = keyProblem(key);
  if (problem !== null) throw new StorageError("invalid_key", problem);
  return key;
}

/** A prefix is a valid key followed by "/", e.g. "clips/<id>/". The empty prefix is refused. */
export function assertValidPrefix(prefix: string): string {
  if (!prefix.endsWith("/")) throw new StorageError("invalid_key", 'prefix must end with "/"');
  assertValidKey(prefix.slice(0, -1));
  return prefix;
}

function assertId(kind: string, id: string): void {
  if (!isId(id)) throw new StorageError("invalid_key", `${kind} id has disallowed characters`);
}

/** `clips/<generationId>/<file>`, one fixed name per asset kind. */
export function clipKey(generationId: string, file: ClipFile): string {
  assertId("generation", generationId);
  if (!(CLIP_FILES as readonly string[]).includes(file)) {
    throw new StorageError("invalid_key", `unknown clip file ${JSON.stringify(file)}`);
  }
  return assertValidKey(`clips/${generationId}/${file}`);
}

/** Prefix holding every object of one clip; pass to deletePrefix when the clip is deleted. */
export function clipPrefix(generationId: string): string {
  assertId("generation", generationId);
  return `clips/${generationId}/`;
}

/** `uploads/<uploadId>.<ext>` with a lowercase alphanumeric extension. */
export function uploadKey(uploadId: string, ext: string): string {
  assertId("upload", uploadId);
  if (!EXT_RE.test(ext)) throw new StorageError("invalid_key", "upload extension has disallowed characters");
  return assertValidKey(`uploads/${uploadId}.${ext}`);
}

const FILM_EXPORT_FILES = ["film.mp4", "poster.jpg"] as const;
export type FilmExportFile = (typeof FILM_EXPORT_FILES)[number];

/** `exports/<exportId>/<file>`: one rendered version of a film and its poster. */
export function filmExportKey(exportId: string, file: FilmExportFile): string {
  assertId("export", exportId);
  if (!(FILM_EXPORT_FILES as readonly string[]).includes(file)) throw new StorageError("invalid_key", `unknown export file ${JSON.stringify(file)}`);
  return assertValidKey(`exports/${exportId}/${file}`);
}

/** Every object of one film export; pass to deletePrefix when the export is deleted. */
export function filmExportPrefix(exportId: string): string {
  assertId("export", exportId);
  return `exports/${exportId}/`;
}

/** `voices/<callId>.wav`: the audio of one SPEECH call, written before the call is settled. */
export function voiceKey(callId: string): string {
  assertId("call", callId);
  return assertValidKey(`voices/${callId}.wav`);
}
