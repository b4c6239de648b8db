"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Segmented } from "@/components/ui/segmented";
import { ASPECT_RATIOS, type AspectRatio } from "@/lib/shared/upstream/video-models";

const FRAME: Record<AspectRatio, string> = { "16:9": "h-5 w-9", "9:16": "h-9 w-5", "1:1": "h-7 w-7" };

/** Aspect ratio as a visual choice: a frame of the actual shape above each label. */
export function AspectRatioChoice({ value, onChange }: { value: AspectRatio; onChange: (v: AspectRatio) => void }) {
  const { t } = useI18n();
  return (
    <Segmented
      name="aspectRatio"
      legend={t("studio.aspect.label")}
      value={value}
      onChange={onChange}
      options={ASPECT_RATIOS.map((r) => ({
        value: r,
        label: (
          <>
            <span className="tabular-nums">{r}</span>
            <span className="sr-only"> {t(`studio.aspect.${r}`)}</span>
          </>
        ),
        visual: (
          <span className="flex h-10 items-center justify-center" aria-hidden="true">
            <span className={`block rounded-sm border-2 border-current ${FRAME[r]}`} />
          </span>
        ),
      }))}
    />
  );
}
