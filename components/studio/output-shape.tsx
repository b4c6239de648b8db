"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ratioLabel, shapeOf } from "@/lib/shared/frame-shape";

/**
 * The shape the clip will have, before paying: a small outline box with the start frame's aspect and
 * its name in words. A start–end clip takes the start frame's shape (the end frame must match it).
 */
export function OutputShape({ frame }: { frame: { width?: number; height?: number } | null }) {
  const { t } = useI18n();
  if (!frame?.width || !frame.height) return null;
  const size = { width: frame.width, height: frame.height };
  const shape = shapeOf(size);
  // Fit the outline in a 64 px box whichever way it is long.
  const long = 64;
  const w = shape === "portrait" ? Math.round((long * size.width) / size.height) : long;
  const h = shape === "portrait" ? long : Math.round((long * size.height) / size.width);
  return (
    <div className="flex items-center gap-3 text-sm text-zinc-700 dark:text-zinc-300" data-testid="output-shape" data-shape={shape}>
      <div className="flex size-16 shrink-0 items-center justify-center" aria-hidden="true">
        <div className="rounded-sm border-2 border-dashed border-indigo-700 dark:border-indigo-300" style={{ width: w, height: h }} />
      </div>
      <p>{t("studio.shape.output", { shape: t(`studio.shape.${shape}`), ratio: ratioLabel(size) })}</p>
    </div>
  );
}
