"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Segmented } from "@/components/ui/segmented";
import { STYLES, type Style } from "@/lib/shared/upstream/video-models";

export function StyleChoice({ value, onChange }: { value: Style; onChange: (v: Style) => void }) {
  const { t } = useI18n();
  return (
    <Segmented
      name="style"
      legend={t("studio.style.label")}
      value={value}
      onChange={onChange}
      options={STYLES.map((s) => ({ value: s, label: t(`studio.style.${s}`) }))}
    />
  );
}
