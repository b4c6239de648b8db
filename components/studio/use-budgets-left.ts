"use client";
import { useEffect, useState } from "react";
import { apiFetch } from "@/lib/client/api";
import { useWorkspace, withWorkspace } from "@/lib/client/workspace-context";
import type { BudgetsLeftView } from "@/lib/shared/budget-views";

/**
 * What is left of the budgets a clip in the current workspace counts against (GET /api/workspace/budget),
 * read on load, after each accepted submit (`refreshKey`) and when the tab regains focus (someone else
 * may have spent meanwhile). null until known, or when it could not be read: the bar then says nothing
 * rather than a stale figure. The server checks the budgets again on every submit.
 */
export function useBudgetsLeft(refreshKey: string | null): BudgetsLeftView | null {
  const { teamId } = useWorkspace();
  const [view, setView] = useState<BudgetsLeftView | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      apiFetch<BudgetsLeftView>(withWorkspace("/api/workspace/budget", teamId)).then(
        (v) => live && setView(v),
        () => live && setView(null),
      );
    void load();
    window.addEventListener("focus", load);
    return () => {
      live = false;
      window.removeEventListener("focus", load);
    };
  }, [teamId, refreshKey]);
  return view;
}
