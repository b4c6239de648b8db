"use client";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { isId } from "@/lib/shared/ids";
import type { RemixSource } from "@/lib/shared/remix-source";
import { apiFetch } from "./api";
import type { ApiError } from "./api-error";

// The studio side of "remix": the gallery links to `/?remix=<generationId>`; this hook reads the
// parameter, loads GET /api/generations/:id/remix once and hands the studio form what to pre-fill
// (mode, prompt, parameters and the already-uploaded input images, reused by upload id).

export type RemixState =
  | { status: "none" }
  | { status: "loading"; id: string }
  | { status: "ready"; id: string; source: RemixSource }
  | { status: "error"; id: string; error: ApiError };

export function useRemix(): RemixState {
  const id = useSearchParams().get("remix");
  const valid = id !== null && isId(id) ? id : null;
  const [loaded, setLoaded] = useState<RemixState>({ status: "none" });
  useEffect(() => {
    if (!valid) return;
    const ctrl = new AbortController();
    apiFetch<RemixSource>(`/api/generations/${encodeURIComponent(valid)}/remix`, { signal: ctrl.signal }).then(
      (source) => setLoaded({ status: "ready", id: valid, source }),
      (error: unknown) => {
        if (!ctrl.signal.aborted) setLoaded({ status: "error", id: valid, error: error as ApiError });
      },
    );
    return () => ctrl.abort();
  }, [valid]);
  if (!valid) return { status: "none" };
  return "id" in loaded && loaded.id === valid ? loaded : { status: "loading", id: valid };
}
