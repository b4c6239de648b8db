"use client";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ModalFrame } from "@/components/ui/modal-frame";
import type { GenerationView } from "@/lib/shared/generation-view";
import { CompareTakes } from "./compare-takes";

export interface NumberedTake {
  n: number;
  take: GenerationView;
}

/**
 * The studio's "Compare takes": a dialog with two finished takes of a group side by side
 * (CompareTakes), Take 1 and Take 2 first; with more than two, a Left and a Right choice pick the pair.
 * Esc or Close ends it (the players stop with it: the pair unmounts).
 */
export function CompareDialog({ takes, open, onClose }: { takes: NumberedTake[]; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const [left, setLeft] = useState(0);
  const [right, setRight] = useState(1);
  const a = takes[left] ?? takes[0];
  const b = takes[right] ?? takes[1];
  const name = (x: NumberedTake) => t("takes.group.take", { n: x.n });
  const pick = (label: string, value: number, other: number, set: (i: number) => void, key: string) => (
    <label className="flex items-center gap-2 text-sm font-medium" htmlFor={`${id}-${key}`}>
      {label}
      <select
        id={`${id}-${key}`}
        value={value}
        onChange={(e) => set(Number(e.target.value))}
        className="rounded-md border border-zinc-400 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-900"
        data-testid={`compare-${key}`}
      >
        {takes.map((x, i) => (
          <option key={x.take.id} value={i} disabled={i === other}>
            {name(x)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <ModalFrame open={open} onDismiss={onClose} wide initialFocus="[data-testid=compare-play]" title={t("takes.group.dialogTitle")} body={t("takes.group.dialogBody")} testId="compare-dialog">
      {open && a && b && (
        <div className="mt-4 flex flex-col gap-3">
          {takes.length > 2 && (
            <div className="flex flex-wrap gap-4">
              {pick(t("takes.group.left"), left, right, setLeft, "left")}
              {pick(t("takes.group.right"), right, left, setRight, "right")}
            </div>
          )}
          <CompareTakes key={`${a.take.id}-${b.take.id}`} a={a.take} b={b.take} labels={[name(a), name(b)]} />
        </div>
      )}
      <div className="mt-4 flex justify-end">
        <Button type="button" variant="secondary" onClick={onClose} className="whitespace-nowrap">
          {t("takes.group.close")}
        </Button>
      </div>
    </ModalFrame>
  );
}
