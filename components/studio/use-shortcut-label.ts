"use client";
import { useHydrated } from "@/lib/client/use-hydrated";

/** "⌘" on Apple platforms, "Ctrl" elsewhere (server render says Ctrl; the client corrects it once hydrated, without a mismatch). */
export function useModKeyLabel(): string {
  const hydrated = useHydrated();
  return hydrated && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent) ? "⌘" : "Ctrl";
}
