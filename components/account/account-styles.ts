/** The account page's section card and its heading, and the two feedback lines every section shows. */
export const SECTION = "flex flex-col gap-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800";
export const HEADING = "text-lg font-semibold";
export const OK = "text-sm text-green-800 dark:text-green-300";
export const FAIL = "text-sm text-red-700 dark:text-red-400";
