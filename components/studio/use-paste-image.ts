"use client";
import { useEffect, useRef } from "react";
import type { SlotKey } from "./use-image-slots";

/**
 * Ctrl/Cmd+V of an image anywhere on the page goes to an image slot: the slot that holds focus, or
 * else the first empty one. Pastes without an image (text into the prompt) are left alone.
 */
export function usePasteImage(enabled: boolean, onImage: (file: File, target: SlotKey | undefined) => void) {
  const handler = useRef(onImage);
  useEffect(() => {
    handler.current = onImage;
  });
  useEffect(() => {
    if (!enabled) return;
    function onPaste(e: ClipboardEvent) {
      const file = Array.from(e.clipboardData?.files ?? []).find((f) => f.type.startsWith("image/"));
      if (!file) return;
      e.preventDefault();
      const slot = (document.activeElement?.closest("[data-slot]") as HTMLElement | null)?.dataset.slot as SlotKey | undefined;
      handler.current(file, slot);
    }
    document.addEventListener("paste", onPaste);
    return () => document.removeEventListener("paste", onPaste);
  }, [enabled]);
}
