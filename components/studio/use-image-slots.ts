"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "@/lib/client/api-error";
import { checkImageFile, type ImageCheck } from "@/lib/client/image-check";
import { uploadImage } from "@/lib/client/upload";
import type { UploadView } from "@/lib/shared/upload-view";

const SLOT_KEYS = ["image", "start", "end"] as const;
export type SlotKey = (typeof SLOT_KEYS)[number];

export type SlotProblem =
  | { kind: "client"; error: Extract<ImageCheck, { ok: false }>["error"] }
  | { kind: "server"; error: ApiError };

/** One picked image: its local preview, the client check, and its upload (started right after the check passes). */
export interface SlotEntry {
  entryId: number;
  name: string;
  bytes: number;
  previewUrl: string;
  width?: number;
  height?: number;
  checking: boolean;
  problem?: SlotProblem;
  upload: { state: "idle" | "uploading" | "done" | "failed"; progress: number; result?: UploadView };
}

type Slots = Record<SlotKey, SlotEntry | null>;
const EMPTY: Slots = { image: null, start: null, end: null };

/**
 * The studio's three image inputs (image→video first frame; start and end frames). Uploads start as
 * soon as a file passes the browser checks so Generate is quick; `ensureUploaded` awaits them.
 */
export function useImageSlots() {
  const [slots, setSlots] = useState<Slots>(EMPTY);
  const slotsRef = useRef<Slots>(EMPTY);
  const nextId = useRef(1);
  const pending = useRef(new Map<number, Promise<UploadView>>());

  const commit = useCallback((fn: (s: Slots) => Slots) => {
    slotsRef.current = fn(slotsRef.current);
    setSlots(slotsRef.current);
  }, []);

  /** Applies a change to whichever slot currently holds the entry (it may have been swapped or removed). */
  const patch = useCallback(
    (entryId: number, fn: (e: SlotEntry) => SlotEntry) => {
      commit((s) => {
        const key = SLOT_KEYS.find((k) => s[k]?.entryId === entryId);
        const entry = key ? s[key] : null;
        return key && entry ? { ...s, [key]: fn(entry) } : s;
      });
    },
    [commit],
  );

  const startUpload = useCallback(
    (entryId: number, file: File) => {
      patch(entryId, (e) => ({ ...e, problem: undefined, upload: { state: "uploading", progress: 0 } }));
      const p = uploadImage(file, (progress) => patch(entryId, (e) => ({ ...e, upload: { ...e.upload, progress } })));
      pending.current.set(entryId, p);
      p.then(
        (result) => patch(entryId, (e) => ({ ...e, width: result.width, height: result.height, upload: { state: "done", progress: 1, result } })),
        (error: ApiError) => patch(entryId, (e) => ({ ...e, problem: { kind: "server", error }, upload: { state: "failed", progress: 0 } })),
      ).finally(() => pending.current.delete(entryId));
      return p;
    },
    [patch],
  );

  const files = useRef(new Map<number, File>());

  const pick = useCallback(
    async (key: SlotKey, file: File) => {
      const entryId = nextId.current++;
      const old = slotsRef.current[key];
      if (old) {
        URL.revokeObjectURL(old.previewUrl);
        files.current.delete(old.entryId);
      }
      files.current.set(entryId, file);
      commit((s) => ({
        ...s,
        [key]: { entryId, name: file.name, bytes: file.size, previewUrl: URL.createObjectURL(file), checking: true, upload: { state: "idle", progress: 0 } },
      }));
      const check = await checkImageFile(file);
      if (!check.ok) {
        patch(entryId, (e) => ({ ...e, checking: false, width: check.width, height: check.height, problem: { kind: "client", error: check.error } }));
        return;
      }
      patch(entryId, (e) => ({ ...e, checking: false, width: check.width, height: check.height }));
      void startUpload(entryId, file).catch(() => {});
    },
    [commit, patch, startUpload],
  );

  const remove = useCallback(
    (key: SlotKey) => {
      const old = slotsRef.current[key];
      if (old) {
        URL.revokeObjectURL(old.previewUrl);
        files.current.delete(old.entryId);
      }
      commit((s) => ({ ...s, [key]: null }));
    },
    [commit],
  );

  const swap = useCallback((a: SlotKey, b: SlotKey) => commit((s) => ({ ...s, [a]: s[b], [b]: s[a] })), [commit]);

  /** Resolves to the upload of the slot's image (retrying a failed upload once per call); null when it cannot be sent. */
  const ensureUploaded = useCallback(
    async (key: SlotKey): Promise<UploadView | null> => {
      const e = slotsRef.current[key];
      if (!e || e.checking || e.problem?.kind === "client") return null;
      if (e.upload.result) return e.upload.result;
      // A 4xx from the upload (wrong type, too large, corrupt) will not change by sending the same bytes again.
      if (e.upload.state === "failed" && e.problem?.kind === "server" && !e.problem.error.retryable) return null;
      const file = files.current.get(e.entryId);
      const p = pending.current.get(e.entryId) ?? (file ? startUpload(e.entryId, file) : null);
      if (!p) return null;
      try {
        return await p;
      } catch {
        return null;
      }
    },
    [startUpload],
  );

  useEffect(
    () => () => {
      for (const k of SLOT_KEYS) {
        const e = slotsRef.current[k];
        if (e) URL.revokeObjectURL(e.previewUrl);
      }
    },
    [],
  );

  /** Puts an already-uploaded image into a slot (a remix reuses its source's inputs): nothing to check or send. */
  const adopt = useCallback(
    (key: SlotKey, up: UploadView) => {
      const entryId = nextId.current++;
      commit((s) => ({
        ...s,
        [key]: { entryId, name: up.id, bytes: up.bytes, previewUrl: up.url, width: up.width, height: up.height, checking: false, upload: { state: "done", progress: 1, result: up } },
      }));
    },
    [commit],
  );

  return { slots, pick, remove, swap, ensureUploaded, adopt };
}
