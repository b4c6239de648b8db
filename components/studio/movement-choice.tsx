"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Segmented } from "@/components/ui/segmented";
import { MOVEMENT_AMPLITUDES, type MovementAmplitude } from "@/lib/shared/upstream/video-models";

export function MovementChoice({ name, value, onChange }: { name: string; value: MovementAmplitude; onChange: (v: MovementAmplitude) => void }) {
  const { t } = useI18n();
  return (
    <Segmented
      name={name}
      legend={t("studio.movement.label")}
      value={value}
      onChange={onChange}
      columns={4}
      options={MOVEMENT_AMPLITUDES.map((m) => ({ value: m, label: t(`studio.movement.${m}`) }))}
    />
  );
}
