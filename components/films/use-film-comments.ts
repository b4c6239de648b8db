"use client";
import { useCallback, useEffect, useState } from "react";
import type { CommentView } from "@/lib/shared/film/film-views";
import { listComments } from "./film-api";

/** The film's comments (on its takes and its exports), loaded once; `added` appends a posted one. */
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
  return { comments, added };
}

/** The comments on one take or one export, in time order. */
export function commentsOn(comments: readonly CommentView[], target: CommentTarget): CommentView[] {
  return comments.filter((c) => ("takeId" in target ? c.takeId === target.takeId : c.exportId === target.exportId)).sort((x, y) => x.timeMs - y.timeMs || x.createdAt.localeCompare(y.createdAt));
}

export type CommentTarget = { takeId: string } | { exportId: string };
