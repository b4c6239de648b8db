"use client";
import { useCallback, useEffect, useState } from "react";
import type { CommentView } from "@/lib/shared/film/film-views";
import { listComments } from "./film-api";

/** The film's comments (on its takes and its exports), loaded once; `added`, `changed` and `removed` keep the list in step with what this reader did. */
export function useFilmComments(filmId: string) {
  const [comments, setComments] = useState<CommentView[]>([]);
  useEffect(() => {
    let live = true;
    listComments(filmId).then(
      (r) => {
        if (live) setComments(r.items);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [filmId]);
  const added = useCallback((c: CommentView) => setComments((cs) => [...cs, c]), []);
  const changed = useCallback((c: CommentView) => setComments((cs) => cs.map((x) => (x.id === c.id ? c : x))), []);
  const removed = useCallback((id: string) => setComments((cs) => cs.filter((x) => x.id !== id)), []);
  return { comments, added, changed, removed };
}

export type FilmComments = ReturnType<typeof useFilmComments>;

/** The comments on one take or one export, in time order. */
export function commentsOn(comments: readonly CommentView[], target: CommentTarget): CommentView[] {
  return comments.filter((c) => ("takeId" in target ? c.takeId === target.takeId : c.exportId === target.exportId)).sort((x, y) => x.timeMs - y.timeMs || x.createdAt.localeCompare(y.createdAt));
}

export type CommentTarget = { takeId: string } | { exportId: string };
