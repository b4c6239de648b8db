"use client";
import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { ToastProvider } from "./toast";

type Announce = (message: string, politeness?: "polite" | "assertive") => void;
const AnnounceContext = createContext<Announce>(() => {});

/**
 * One pair of aria-live regions for the whole app (the root layout holds it, so it and the toasts beside
 * it survive client-side navigation: the outcome of an action that leaves the page, such as deleting a
 * clip from its own page, is still seen and heard); children call useAnnounce()(message). Repeating the
 * same message re-announces it (the text is cleared first).
 */
export function LiveRegionProvider({ children }: { children: ReactNode }) {
  const [polite, setPolite] = useState("");
  const [assertive, setAssertive] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const announce = useCallback<Announce>((message, politeness = "polite") => {
    const set = politeness === "assertive" ? setAssertive : setPolite;
    set("");
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => set(message), 50);
  }, []);
  // The visible toasts live beside the live regions: every page that announces also gives visible feedback.
  return (
    <AnnounceContext.Provider value={announce}>
      <ToastProvider>{children}</ToastProvider>
      <div aria-live="polite" role="status" className="sr-only" data-testid="live-polite">
        {polite}
      </div>
      <div aria-live="assertive" role="alert" className="sr-only" data-testid="live-assertive">
        {assertive}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnounceContext);
}
