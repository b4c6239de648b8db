// Shared Tailwind classes of the team pages (contrast checked in light and dark).
export const CARD = "rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-950";
export const SELECT =
  "rounded-md border border-zinc-400 bg-white px-2 py-1.5 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";
export const MUTED = "text-sm text-zinc-700 dark:text-zinc-300";
export const ERROR = "text-sm text-red-700 dark:text-red-400";
export const DANGER = "!bg-red-700 hover:!bg-red-800 dark:!bg-red-300 dark:hover:!bg-red-200";
export const H2 = "text-lg font-semibold";
