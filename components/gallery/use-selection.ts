"use client";
import { useCallback, useMemo, useRef, useState } from "react";
import type { GenerationView } from "@/lib/shared/generation-view";

/** Selected clip ids with shift-click ranges (from the last clicked tile) and "select all loaded". */
export function useSelection(items: GenerationView[]) {
  const [set, setSet] = useState<Set<string>>(new Set());
  const anchor = useRef<number | null>(null);

  const toggle = useCallback(
    (index: number, shift: boolean): number => {
      const id = items[index]?.id;
      if (!id) return set.size;
      const next = new Set(set);
      if (shift && anchor.current !== null) {
        const on = !set.has(id);
        const [a, b] = [Math.min(anchor.current, index), Math.max(anchor.current, index)];
        for (const c of items.slice(a, b + 1)) {
          if (on) next.add(c.id);
          else next.delete(c.id);
        }
      } else if (next.has(id)) next.delete(id);
      else next.add(id);
      anchor.current = index;
      setSet(next);
      return next.size;
    },
    [items, set],
  );

  const selectAll = useCallback(() => setSet(new Set(items.map((i) => i.id))), [items]);
  const clear = useCallback(() => {
    anchor.current = null;
    setSet(new Set());
  }, []);
  const drop = useCallback((ids: string[]) => setSet((s) => new Set([...s].filter((id) => !ids.includes(id)))), []);
  // Only ids still loaded count (a filter change may have hidden some).
  const ids = useCallback(() => items.filter((i) => set.has(i.id)).map((i) => i.id), [items, set]);
  const size = useMemo(() => items.filter((i) => set.has(i.id)).length, [items, set]);
  return { set, size, toggle, selectAll, clear, drop, ids };
}
