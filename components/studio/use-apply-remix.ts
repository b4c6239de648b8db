"use client";
import { useEffect, useRef } from "react";
import type { UploadView } from "@/lib/shared/upload-view";
import { useRemix } from "@/lib/client/use-remix";
import type { Mode } from "@/lib/shared/generation-schemas";
import { ASPECT_RATIOS, MOVEMENT_AMPLITUDES, STYLES } from "@/lib/shared/upstream/video-models";
import { type FormState, SLOTS_OF_MODE } from "./form-state";
import type { SlotKey } from "./use-image-slots";

// `/?remix=<id>` (from the gallery): once the source has loaded, switch to its mode and fill the
// prompt, parameters and input images (reused by upload id, nothing is uploaded again).

const oneOf = <T extends string>(list: readonly T[], v: string | undefined, fallback: T): T => (list.includes(v as T) ? (v as T) : fallback);

export function useApplyRemix(setMode: (m: Mode) => void, setForm: (fn: (f: FormState) => FormState) => void, adopt: (key: SlotKey, up: UploadView) => void) {
  const remix = useRemix();
  const applied = useRef<string | null>(null);
  useEffect(() => {
    if (remix.status !== "ready" || applied.current === remix.id) return;
    applied.current = remix.id;
    const { mode, prompt, params, inputs } = remix.source;
    const movementAmplitude = oneOf(MOVEMENT_AMPLITUDES, params.movementAmplitude, "auto");
    setMode(mode);
    setForm((f) =>
      mode === "text"
        ? { ...f, text: { prompt, movementAmplitude, style: oneOf(STYLES, params.style, "general"), aspectRatio: oneOf(ASPECT_RATIOS, params.aspectRatio, "16:9") } }
        : { ...f, [mode]: { prompt, movementAmplitude, withAudio: params.withAudio === true } },
    );
    SLOTS_OF_MODE[mode].forEach((key, i) => {
      const input = inputs[i];
      if (input) adopt(key, { id: input.uploadId, url: input.url, width: input.width, height: input.height, mime: "image/png", bytes: 0 });
    });
  }, [adopt, remix, setForm, setMode]);
}
