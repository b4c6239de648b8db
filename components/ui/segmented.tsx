"use client";
import type { ReactNode } from "react";

export interface SegmentOption<T extends string> {
  value: T;
  label: ReactNode;
  /** Optional visual above the label (e.g. an aspect-ratio frame). */
  visual?: ReactNode;
}

/**
 * A single choice as native radio buttons inside a fieldset (arrow keys, labels and form semantics
 * for free), styled as a segmented control.
 */
export function Segmented<T extends string>({
  name,
  legend,
  options,
  value,
  onChange,
  columns,
}: {
  name: string;
  legend: string;
  options: readonly SegmentOption<T>[];
  value: T;
  onChange: (value: T) => void;
  columns?: number;
}) {
  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5">
      <legend className="mb-1.5 text-sm font-medium">{legend}</legend>
      <div
        className="grid gap-1.5"
        style={{ gridTemplateColumns: `repeat(${columns ?? options.length}, minmax(0, 1fr))` }}
      >
        {options.map((o) => (
          <label
            key={o.value}
            className="flex min-h-11 cursor-pointer flex-col items-center justify-center gap-1 rounded-md border border-zinc-300 px-2 py-1.5 text-center text-sm text-zinc-800 hover:border-zinc-500 has-[:checked]:border-indigo-700 has-[:checked]:bg-indigo-50 has-[:checked]:font-semibold has-[:checked]:text-indigo-900 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-500 dark:border-zinc-700 dark:text-zinc-200 dark:hover:border-zinc-500 dark:has-[:checked]:border-indigo-300 dark:has-[:checked]:bg-indigo-950 dark:has-[:checked]:text-indigo-100"
          >
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="sr-only"
            />
            {o.visual}
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
