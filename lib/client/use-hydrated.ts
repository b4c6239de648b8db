"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the page is server HTML that React has not hydrated yet, true once it has (and at once on
 * a client-side render). The server snapshot is what hydration renders first, so nothing mismatches.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
