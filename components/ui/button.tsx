"use client";
import type { ComponentProps } from "react";
import { ActionButton } from "./action-button";

const VARIANTS = {
  primary: "bg-indigo-700 text-white hover:bg-indigo-800 disabled:bg-indigo-400 dark:bg-indigo-300 dark:text-zinc-950 dark:hover:bg-indigo-200 dark:disabled:bg-indigo-300/60",
  secondary:
    "border border-zinc-400 text-zinc-900 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800",
} as const;

/** The studio's filled or outlined button; like every button it waits for hydration (ActionButton). */
export function Button({ variant = "primary", className = "", ...props }: { variant?: keyof typeof VARIANTS } & ComponentProps<"button">) {
  return <ActionButton className={`rounded-md px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`} {...props} />;
}
