"use client";
import { useCallback, useEffect, useRef } from "react";

/** Calls `load` when the returned ref's element scrolls into view (a Load more button stays for keyboards). */
export function useInfiniteScroll(enabled: boolean, load: () => Promise<void>) {
  const el = useRef<HTMLElement | null>(null);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const observer = useRef<IntersectionObserver | null>(null);
  useEffect(() => {
    if (!enabled || !el.current || typeof IntersectionObserver === "undefined") return;
    observer.current = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void loadRef.current();
    }, { rootMargin: "400px" });
    observer.current.observe(el.current);
    return () => observer.current?.disconnect();
  }, [enabled]);
  return useCallback((node: HTMLElement | null) => {
    el.current = node;
  }, []);
}
