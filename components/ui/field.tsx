import type { InputHTMLAttributes } from "react";
import { FieldError } from "./field-error";

/** A labelled input with an optional hint and an error wired to aria-describedby / aria-invalid. */
export function Field({
  id,
  label,
  hint,
  error,
  ...input
}: { id: string; label: string; hint?: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className="rounded-md border border-zinc-400 bg-white px-3 py-2 text-base dark:border-zinc-600 dark:bg-zinc-900"
        {...input}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {error && (
        <FieldError id={`${id}-error`}>{error}</FieldError>
      )}
    </div>
  );
}
