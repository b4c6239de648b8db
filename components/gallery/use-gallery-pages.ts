"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { ApiError } from "@/lib/client/api-error";
import { useWorkspace } from "@/lib/client/workspace-context";
import type { GenerationView } from "@/lib/shared/generation-view";
import { fetchPage } from "./gallery-api";

// Cursor pages of the gallery for one filter query. A new query starts over (the previous request
// is aborted so a slow old answer can never overwrite a newer one); loadMore appends the next page.
// "loading" is derived: the loaded result belongs to another query (or reload) than the current one.

const PAGE_SIZE = 24;

export type PagesState = "loading" | "ready" | "error";

interface Result {
  key: string;
  items: GenerationView[];
  cursor: string | null;
  error: ApiError | null;
}

export function useGalleryPages(apiQuery: string) {
  const [reloads, setReloads] = useState(0);
  const key = `${apiQuery}#${reloads}`;
  const [result, setResult] = useState<Result>({ key: "", items: [], cursor: null, error: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const { teamId } = useWorkspace();
  const scoped = [apiQuery, teamId ? `team=${encodeURIComponent(teamId)}` : ""].filter(Boolean).join("&");
  const prefix = scoped ? `${scoped}&` : "";

  useEffect(() => {
    abort.current?.abort();
    const ctrl = new AbortController();
    abort.current = ctrl;
    fetchPage(`${prefix}limit=${PAGE_SIZE}`, ctrl.signal).then(
      (page) => {
        if (!ctrl.signal.aborted) setResult({ key, items: page.items, cursor: page.nextCursor, error: null });
      },
      (e: unknown) => {
        if (!ctrl.signal.aborted) setResult({ key, items: [], cursor: null, error: e as ApiError });
      },
    );
    return () => ctrl.abort();
  }, [key, prefix]);

  const current = result.key === key;
  const state: PagesState = !current ? "loading" : result.error && result.items.length === 0 ? "error" : "ready";
  const items = current ? result.items : [];

  const loadMore = useCallback(async () => {
    if (!result.cursor || loadingMore || result.key !== key) return;
    setLoadingMore(true);
    const ctrl = abort.current;
    try {
      const page = await fetchPage(`${prefix}limit=${PAGE_SIZE}&cursor=${encodeURIComponent(result.cursor)}`, ctrl?.signal);
      if (ctrl?.signal.aborted) return;
      setResult((r) => {
        if (r.key !== key) return r;
        const seen = new Set(r.items.map((p) => p.id));
        return { ...r, items: [...r.items, ...page.items.filter((i) => !seen.has(i.id))], cursor: page.nextCursor, error: null };
      });
    } catch (e) {
      if (!ctrl?.signal.aborted) setResult((r) => ({ ...r, error: e as ApiError }));
    } finally {
      setLoadingMore(false);
    }
  }, [key, loadingMore, prefix, result.cursor, result.key]);

  const update = useCallback(
    (view: GenerationView) => setResult((r) => ({ ...r, items: r.items.map((p) => (p.id === view.id ? { ...p, ...view } : p)) })),
    [],
  );
  const remove = useCallback((ids: string[]) => setResult((r) => ({ ...r, items: r.items.filter((p) => !ids.includes(p.id)) })), []);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  return { items, state, error: result.error, hasMore: current && result.cursor !== null, loadingMore, loadMore, update, remove, reload };
}
