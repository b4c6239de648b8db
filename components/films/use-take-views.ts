"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useGenerations } from "@/lib/client/use-generations";
import type { FilmView } from "@/lib/shared/film/film-views";
import type { GenerationView } from "@/lib/shared/generation-view";
import { getTake } from "./film-api";

/**
 * The full view (media URLs, progress) of every take of the film, live: the studio's stream
 * (useGenerations: SSE, polling while it is down) brings changes, and a take it has not sent yet is
 * fetched once by id. A take whose status changes makes the film reload (its shots' statuses follow
 * from their takes).
 */
export function useTakeViews(film: FilmView | null, onTakeChanged: () => void) {
  const takeIds = useMemo(() => new Set(film?.shots.flatMap((s) => s.takes.map((t) => t.id)) ?? []), [film]);
  const idsRef = useRef(takeIds);
  useEffect(() => {
    idsRef.current = takeIds;
  }, [takeIds]);
  const changedRef = useRef(onTakeChanged);
  useEffect(() => {
    changedRef.current = onTakeChanged;
  }, [onTakeChanged]);

  const onChange = useCallback((_prev: GenerationView | undefined, next: GenerationView) => {
    if (idsRef.current.has(next.id)) changedRef.current();
  }, []);
  const { clips } = useGenerations(onChange);
  const [fetched, setFetched] = useState<ReadonlyMap<string, GenerationView>>(() => new Map());
  const asked = useRef(new Set<string>());

  // The film's summary says a take changed status: fetch the views that are behind it.
  const statusOf = useMemo(() => new Map(film?.shots.flatMap((s) => s.takes.map((t) => [t.id, t.status] as const)) ?? []), [film]);
  const views = useMemo(() => {
    const out = new Map<string, GenerationView>();
    for (const [id, v] of fetched) if (takeIds.has(id)) out.set(id, v);
    for (const v of clips) {
      if (!takeIds.has(v.id)) continue;
      const old = out.get(v.id);
      if (!old || Date.parse(v.updatedAt) >= Date.parse(old.updatedAt)) out.set(v.id, v);
    }
    return out;
  }, [clips, fetched, takeIds]);

  useEffect(() => {
    for (const id of takeIds) {
      const v = views.get(id);
      const stale = v && statusOf.get(id) !== v.status;
      const key = `${id}:${statusOf.get(id)}`;
      if ((v && !stale) || asked.current.has(key)) continue;
      asked.current.add(key);
      void getTake(id).then(
        (view) => setFetched((m) => new Map(m).set(id, view)),
        () => asked.current.delete(key),
      );
    }
  }, [takeIds, views, statusOf]);

  return views;
}
