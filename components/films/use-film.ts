"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError } from "@/lib/client/api-error";
import type { FilmView } from "@/lib/shared/film/film-views";
import { getFilm } from "./film-api";

const POLL_MS = 3_000;

/**
 * One film, kept current: loaded once, replaced by every answer that carries the film (each change
 * route answers `{film}`), and polled while a shot is generating so statuses move without a reload
 * even when the live stream is down.
 */
export function useFilm(filmId: string) {
  const [film, setFilm] = useState<FilmView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const seq = useRef(0);

  const refresh = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const { film: f } = await getFilm(filmId);
      if (mine === seq.current) {
        setFilm(f);
        setError(null);
      }
    } catch (e) {
      if (mine === seq.current) setError(e instanceof ApiError ? e : new ApiError(0, "network", String(e)));
    }
  }, [filmId]);

  /** Takes the film from a change route's answer (newer than any refresh in flight). */
  const apply = useCallback((f: FilmView) => {
    seq.current++;
    setFilm(f);
  }, []);

  useEffect(() => {
    // refresh() sets state only after its fetch resolves.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void refresh();
  }, [refresh]);

  const generating = film?.shots.some((s) => s.status === "generating") ?? false;
  useEffect(() => {
    if (!generating) return;
    const id = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(id);
  }, [generating, refresh]);

  return { film, error, refresh, apply };
}
