"use client";
import { useEffect, useRef } from "react";
import { type ContinueState, useContinueFrame } from "@/lib/client/use-continue-frame";
import type { Mode } from "@/lib/shared/generation-schemas";
import type { UploadView } from "@/lib/shared/upload-view";
import type { SlotKey } from "./use-image-slots";

// `/?continue=<id>`: once the clip's last frame exists, switch to image → video with that frame as
// the first frame (reused by upload id, nothing is uploaded again), so the new clip continues the old.

export function useApplyContinue(setMode: (m: Mode) => void, adopt: (key: SlotKey, up: UploadView) => void): ContinueState {
  const state = useContinueFrame();
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (state.status !== "ready" || applied.current === state.id) return;
    applied.current = state.id;
    const { uploadId, url, width, height } = state.view.frame;
    setMode("image");
    adopt("image", { id: uploadId, url, width, height, mime: "image/png", bytes: 0 });
  }, [adopt, setMode, state]);
  return state;
}
