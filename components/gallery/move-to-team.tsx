"use client";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/lib/client/workspace-context";
import { apiFetch } from "@/lib/client/api";
import { ApiError } from "@/lib/client/api-error";
import type { GenerationView } from "@/lib/shared/generation-view";

/** Move a personal clip into one of the actor's teams (POST /api/generations/:id/move). */
export function MoveToTeam({ clip, onMoved }: { clip: GenerationView; onMoved: (view: GenerationView) => void }) {
  const { locale, t } = useI18n();
  const toast = useToast();
  const id = useId();
  const targets = useWorkspace().teams.filter((team) => team.canGenerate);
  const [teamId, setTeamId] = useState(targets[0]?.id ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!clip.rights?.move || targets.length === 0) return null;
  const move = async () => {
    setBusy(true);
    setError(null);
    try {
      const view = await apiFetch<GenerationView>(`/api/generations/${encodeURIComponent(clip.id)}/move`, { method: "POST", json: { teamId } });
      toast(t("workspace.move.done", { team: targets.find((x) => x.id === teamId)?.name ?? "" }));
      onMoved(view);
    } catch (e) {
      const message = e instanceof ApiError ? e.localized(locale) : String(e);
      setError(message);
      toast(message, "error");
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="flex flex-col gap-2 rounded-lg border border-zinc-300 p-3 text-sm dark:border-zinc-700" data-testid="move-to-team">
      <legend className="px-1 font-semibold">{t("workspace.move.label")}</legend>
      <p id={`${id}-hint`} className="text-zinc-700 dark:text-zinc-300">
        {t("workspace.move.hint")}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={`${id}-team`}>{t("workspace.move.choose")}</label>
        <select
          id={`${id}-team`}
          value={teamId}
          onChange={(e) => setTeamId(e.target.value)}
          aria-describedby={`${id}-hint`}
          className="rounded-md border border-zinc-400 bg-white px-2 py-1 dark:border-zinc-600 dark:bg-zinc-900"
        >
          {targets.map((team) => (
            <option key={team.id} value={team.id}>
              {team.name}
            </option>
          ))}
        </select>
        <Button type="button" variant="secondary" onClick={() => void move()} disabled={busy || !teamId}>
          {t("workspace.move.submit")}
        </Button>
      </div>
      {error && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          {error}
        </p>
      )}
    </fieldset>
  );
}
