"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Segmented } from "@/components/ui/segmented";

const TAKE_COUNTS = ["1", "2", "3", "4"] as const;
export type TakeCount = (typeof TAKE_COUNTS)[number];

/** How many takes one Generate makes (1–4); the button shows the total price. */
export function TakesChoice({ value, onChange }: { value: TakeCount; onChange: (v: TakeCount) => void }) {
  const { t } = useI18n();
  return <Segmented name="takes" legend={t("studio.takes.legend")} options={TAKE_COUNTS.map((n) => ({ value: n, label: n }))} value={value} onChange={onChange} columns={4} />;
}
