"use client";
import { useId } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";

// Placeholder until the teams issue: only the personal workspace exists so far.
export function WorkspaceSwitcher() {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="flex items-center gap-1 text-sm">
      <label htmlFor={id} className="text-zinc-600 dark:text-zinc-400">
        {t("workspace.label")}
      </label>
      <select
        id={id}
        defaultValue="personal"
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 dark:border-zinc-700 dark:bg-zinc-900"
      >
        <option value="personal">{t("workspace.personal")}</option>
      </select>
    </div>
  );
}
