"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** "⌘" on Apple platforms, "Ctrl" elsewhere (server render says Ctrl; the client corrects it without a mismatch). */
export function useModKeyLabel(): string {
  return useSyncExternalStore(
    subscribe,
    () => (/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? "⌘" : "Ctrl"),
    () => "Ctrl",
  );
}
