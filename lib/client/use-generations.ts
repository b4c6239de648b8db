"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useWorkspace, withWorkspace } from "@/lib/client/workspace-context";
import type { GenerationPage, GenerationView } from "@/lib/shared/generation-view";
import { apiFetch } from "./api";
import { type ClipMap, mergeClips, sortedClips } from "./generation-store";

export type LiveMode = "connecting" | "live" | "polling";

const PAGE = 20;
const POLL_MS = 2_000;
const POLL_HIDDEN_MS = 10_000;
const SSE_RETRY_MS = 15_000;

/**
 * The user's recent clips, kept current: one page from GET /api/generations, then the SSE stream
 * (event: generation); while the stream is down, polls every 2 s and tries the stream again later.
 * onChange(prev, next) sees every status change (notifications, announcements).
 */
export function useGenerations(onChange?: (prev: GenerationView | undefined, next: GenerationView) => void) {
  const { teamId } = useWorkspace();
  const [clips, setClips] = useState<ClipMap>(() => new Map());
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState(false);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [live, setLive] = useState<LiveMode>("connecting");
  const clipsRef = useRef<ClipMap>(clips);
  const firstPageRef = useRef(true);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const upsert = useCallback((views: readonly GenerationView[]) => {
    const { next, changed } = mergeClips(clipsRef.current, views);
    if (next === clipsRef.current) return;
    clipsRef.current = next;
    setClips(next);
    for (const [prev, view] of changed) if (prev && prev.status !== view.status) onChangeRef.current?.(prev, view);
  }, []);

  const refresh = useCallback(async () => {
    try {
      const page = await apiFetch<GenerationPage>(withWorkspace(`/api/generations?limit=${PAGE}`, teamId));
      upsert(page.items);
      if (firstPageRef.current) {
        firstPageRef.current = false;
        setCursor(page.nextCursor);
      }
      setLoaded(true);
      setLoadError(false);
    } catch {
      setLoadError(true);
    }
  }, [upsert, teamId]);

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await apiFetch<GenerationPage>(withWorkspace(`/api/generations?limit=${PAGE}&cursor=${encodeURIComponent(cursor)}`, teamId));
      upsert(page.items);
      setCursor(page.nextCursor);
    } catch {
      setLoadError(true);
    } finally {
      setLoadingMore(false);
    }
  }, [cursor, upsert, teamId]);

  useEffect(() => {
    let disposed = false;
    let es: EventSource | null = null;
    let pollTimer: ReturnType<typeof setTimeout> | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | null = null;

    const stopPolling = () => {
      if (pollTimer) clearTimeout(pollTimer);
      pollTimer = null;
    };
    const poll = () => {
      stopPolling();
      if (disposed) return;
      pollTimer = setTimeout(async () => {
        await refresh();
        if (pollTimer) poll();
      }, document.visibilityState === "visible" ? POLL_MS : POLL_HIDDEN_MS);
    };
    const connect = () => {
      if (disposed || typeof EventSource === "undefined") {
        setLive("polling");
        poll();
        return;
      }
      es = new EventSource(withWorkspace("/api/generations/events", teamId));
      es.addEventListener("open", () => {
        setLive("live");
        stopPolling();
        void refresh(); // catch up on whatever changed while disconnected
      });
      es.addEventListener("generation", (e) => {
        try {
          upsert([JSON.parse((e as MessageEvent<string>).data) as GenerationView]);
        } catch {
          // a malformed event is ignored; the next poll or event corrects the view
        }
      });
      es.addEventListener("error", () => {
        setLive("polling");
        if (!pollTimer) poll();
        if (es?.readyState === EventSource.CLOSED) {
          es = null;
          retryTimer = setTimeout(connect, SSE_RETRY_MS);
        }
      });
    };

    // refresh() only sets state after its fetch resolves, never synchronously.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
    connect();
    return () => {
      disposed = true;
      es?.close();
      stopPolling();
      if (retryTimer) clearTimeout(retryTimer);
    };
  }, [refresh, upsert, teamId]);

  const list = useMemo(() => sortedClips(clips), [clips]);
  return { clips: list, loaded, loadError, hasMore: cursor !== null, loadingMore, loadMore, upsert, refresh, live };
}
