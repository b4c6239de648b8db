"use client";
import { ActionButton } from "./action-button";

/** An on/off switch (role=switch) with a visible label and an optional description. */
export function Switch({
  id,
  label,
  description,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  description?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="flex flex-col">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {description && (
          <p id={`${id}-desc`} className="text-xs text-zinc-600 dark:text-zinc-400">
            {description}
          </p>
        )}
      </div>
      <ActionButton
        id={id}
        type="button"
        role="switch"
        aria-checked={checked}
        aria-describedby={description ? `${id}-desc` : undefined}
        onClick={() => onChange(!checked)}
        className={`relative inline-flex h-7 w-12 shrink-0 items-center rounded-full border-2 transition-colors ${
          checked ? "border-indigo-700 bg-indigo-700 dark:border-indigo-300 dark:bg-indigo-300" : "border-zinc-500 bg-zinc-200 dark:border-zinc-500 dark:bg-zinc-800"
        }`}
      >
        <span
          aria-hidden="true"
          className={`inline-block size-5 rounded-full shadow transition-transform ${
            checked ? "translate-x-5 bg-white dark:bg-zinc-950" : "translate-x-0.5 bg-white dark:bg-zinc-300"
          }`}
        />
      </ActionButton>
    </div>
  );
}
