"use client";
import type { ReactNode, TextareaHTMLAttributes } from "react";
import { FieldError } from "./field-error";

/**
 * A labelled textarea with a live length counter (x/max). The counter warns from `warnAt` and turns
 * into an error past `max`; the count is announced only when it matters (aria-describedby).
 */
export function TextareaField({
  id,
  label,
  optionalLabel,
  hint,
  error,
  count,
  max,
  warnAt,
  counterLabel,
  aside,
  ...textarea
}: {
  id: string;
  label: string;
  optionalLabel?: string;
  hint?: string;
  error?: string;
  count: number;
  max: number;
  warnAt: number;
  counterLabel: string;
  /** A control shown on the label's line, before the counter (the studio's prompt history). */
  aside?: ReactNode;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id">) {
  const over = count > max;
  const near = !over && count >= warnAt;
  const describedBy = [hint ? `${id}-hint` : "", `${id}-counter`, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="relative flex flex-col gap-1.5">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
          {optionalLabel && <span className="ml-1.5 font-normal text-zinc-600 dark:text-zinc-400">{optionalLabel}</span>}
        </label>
        <span className="flex items-baseline gap-2">
        {aside}
        <span
          id={`${id}-counter`}
          aria-label={counterLabel}
          className={`text-xs tabular-nums ${
            over ? "font-semibold text-red-700 dark:text-red-400" : near ? "font-medium text-amber-800 dark:text-amber-300" : "text-zinc-600 dark:text-zinc-400"
          }`}
          data-state={over ? "over" : near ? "near" : "ok"}
        >
          {count}/{max}
        </span>
        </span>
      </div>
      <textarea
        id={id}
        aria-invalid={error || over ? true : undefined}
        aria-describedby={describedBy}
        className={`min-h-28 w-full resize-y rounded-md border bg-white px-3 py-2 text-base leading-relaxed placeholder:text-zinc-500 dark:bg-zinc-900 dark:placeholder:text-zinc-500 ${
          error || over ? "border-red-600 dark:border-red-400" : "border-zinc-400 dark:border-zinc-600"
        }`}
        {...textarea}
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
