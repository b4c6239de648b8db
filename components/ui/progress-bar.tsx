/** A determinate progress bar (role=progressbar, 0..100). `tone` colours it by state. */
export function ProgressBar({
  value,
  label,
  valueText,
  tone = "active",
  className = "",
}: {
  value: number;
  label: string;
  valueText?: string;
  tone?: "active" | "done" | "error" | "idle";
  className?: string;
}) {
  const pct = Math.max(0, Math.min(100, Math.round(value)));
  const fill = {
    active: "bg-indigo-600 dark:bg-indigo-400",
    done: "bg-emerald-600 dark:bg-emerald-400",
    error: "bg-red-600 dark:bg-red-400",
    idle: "bg-zinc-400 dark:bg-zinc-500",
  }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={valueText}
      className={`h-1.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800 ${className}`}
    >
      <div className={`h-full rounded-full transition-[width] duration-700 ease-out ${fill}`} style={{ width: `${pct}%` }} />
    </div>
  );
}
