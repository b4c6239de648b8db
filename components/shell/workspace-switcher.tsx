"use client";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useWorkspace } from "@/lib/client/workspace-context";
import { apiFetch } from "@/lib/client/api";
import { useHydrated } from "@/lib/client/use-hydrated";

/** Personal or one of the actor's teams: drives what the studio makes and the gallery shows. */
export function WorkspaceSwitcher() {
  const { t } = useI18n();
  const id = useId();
  const router = useRouter();
  const { teamId, teams } = useWorkspace();
  const current = teamId ?? "personal";
  const [value, setValue] = useState(current);
  // The workspace can change without this menu (creating or joining a team switches to it, then the
  // shell is refreshed): follow it, or the menu would keep showing the workspace it started with.
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    setValue(current);
  }
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  // Chosen before hydration, the choice would never reach the server (no handler yet) and hydration would
  // put the old workspace back: the menu waits for the page's script, as every Button does.
  const hydrated = useHydrated();
  const change = async (next: string) => {
    setValue(next);
    setFailed(false);
    try {
      await apiFetch("/api/workspace", { method: "PUT", json: { teamId: next === "personal" ? null : next } });
      startTransition(() => router.refresh());
    } catch {
      setValue(current);
      setFailed(true);
    }
  };
  return (
    <div className="flex items-center gap-1 text-sm">
      <label htmlFor={id} className="text-zinc-700 dark:text-zinc-300">
        {t("workspace.label")}
      </label>
      <select
        id={id}
        value={value}
        onChange={(e) => void change(e.target.value)}
        disabled={!hydrated}
        aria-busy={pending}
        aria-invalid={failed || undefined}
        data-testid="workspace-switcher"
        className="max-w-48 rounded-md border border-zinc-400 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
      >
        <option value="personal">{t("workspace.personal")}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
      {failed && (
        <span role="alert" className="text-red-800 dark:text-red-300">
          {t("workspace.switchFailed")}
        </span>
      )}
    </div>
  );
}
