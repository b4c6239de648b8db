"use client";
import { useEffect } from "react";
import { useWorkspace, withWorkspace } from "@/lib/client/workspace-context";
import type { GenerationView } from "@/lib/shared/generation-view";

// A clip is playable before its poster exists (the poster and preview are made right after it is
// stored). While any clip on the page still waits for them, listen to the live stream of clip changes
// so its tile swaps the placeholder for the poster without a reload; the stream closes when none waits.

export function usePosterArrivals(items: readonly GenerationView[], update: (view: GenerationView) => void): void {
  const { teamId } = useWorkspace();
  const waiting = items.some((c) => c.derivatives === "pending");
  useEffect(() => {
    if (!waiting || typeof EventSource === "undefined") return;
    const es = new EventSource(withWorkspace("/api/generations/events", teamId));
    es.addEventListener("generation", (e) => {
      try {
        update(JSON.parse((e as MessageEvent<string>).data) as GenerationView);
      } catch {
        // a malformed event is ignored; the next one (or a reload) corrects the tile
      }
    });
    return () => es.close();
  }, [waiting, teamId, update]);
}
