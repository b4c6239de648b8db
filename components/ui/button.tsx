"use client";
import type { ButtonHTMLAttributes } from "react";
import { useHydrated } from "@/lib/client/use-hydrated";

const VARIANTS = {
  primary: "bg-indigo-700 text-white hover:bg-indigo-800 disabled:bg-indigo-400 dark:bg-indigo-300 dark:text-zinc-950 dark:hover:bg-indigo-200 dark:disabled:bg-indigo-300/60",
  secondary:
    "border border-zinc-400 text-zinc-900 hover:bg-zinc-100 dark:border-zinc-600 dark:text-zinc-100 dark:hover:bg-zinc-800",
} as const;

/**
 * Every Button acts through the page's script, so it stays disabled until React has hydrated the page.
 * Clicked earlier (a slow connection, a busy machine), a submit button would make the browser submit its
 * form natively: a GET to the page's own address with every field in the query string (a password in the
 * address bar, the history and the server's logs), and the form's own handler never runs.
 */
export function Button({
  variant = "primary",
  className = "",
  disabled,
  ...props
}: { variant?: keyof typeof VARIANTS } & ButtonHTMLAttributes<HTMLButtonElement>) {
  const hydrated = useHydrated();
  return (
    <button
      className={`rounded-md px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed ${VARIANTS[variant]} ${className}`}
      disabled={disabled || !hydrated}
      {...props}
    />
  );
}
