"use client";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import type { LastFrameView } from "@/lib/shared/frame-view";
import { isId } from "@/lib/shared/ids";
import { apiFetch } from "./api";
import type { ApiError } from "./api-error";

// The studio side of "continue from this clip": the clip actions link to `/?continue=<generationId>`;
// this hook asks for the clip's exact last frame (POST, idempotent), then follows the frame job until
// it is done — which may take until the clip itself is stored — and hands the form the frame as an
// uploaded image. Polling, not the live channel: a frame is seconds of ffmpeg, asked for once.

const POLL_MS = 1_000;

export type ContinueState =
  | { status: "none" }
  | { status: "waiting"; id: string; view: LastFrameView | null }
  | { status: "ready"; id: string; view: LastFrameView & { frame: NonNullable<LastFrameView["frame"]> } }
  | { status: "failed"; id: string; view: LastFrameView }
  | { status: "error"; id: string; error: ApiError };

export function useContinueFrame(): ContinueState {
  const raw = useSearchParams().get("continue");
  const id = raw !== null && isId(raw) ? raw : null;
  const [state, setState] = useState<ContinueState>({ status: "none" });
  useEffect(() => {
    if (!id) return;
    const ctrl = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const url = `/api/generations/${encodeURIComponent(id)}/last-frame`;
    const settle = (view: LastFrameView | null) => {
      if (ctrl.signal.aborted) return;
      if (view?.state === "done" && view.frame) setState({ status: "ready", id, view: { ...view, frame: view.frame } });
      else if (view?.state === "failed") setState({ status: "failed", id, view });
      else {
        setState({ status: "waiting", id, view });
        timer = setTimeout(() => void poll(), POLL_MS);
      }
    };
    const fail = (error: unknown) => {
      if (!ctrl.signal.aborted) setState({ status: "error", id, error: error as ApiError });
    };
    const poll = () => apiFetch<{ lastFrame: LastFrameView | null }>(url, { signal: ctrl.signal }).then((b) => settle(b.lastFrame), fail);
    apiFetch<{ lastFrame: LastFrameView }>(url, { method: "POST", signal: ctrl.signal }).then((b) => settle(b.lastFrame), fail);
    return () => {
      ctrl.abort();
      clearTimeout(timer);
    };
  }, [id]);
  if (!id) return { status: "none" };
  return "id" in state && state.id === id ? state : { status: "waiting", id, view: null };
}
