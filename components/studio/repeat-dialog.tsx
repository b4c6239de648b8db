"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ModalFrame } from "@/components/ui/modal-frame";
import { formatFen } from "@/lib/shared/money";
import type { PendingRepeat } from "./use-submit-generation";

/**
 * "Make another take for ¥2.50?": shown instead of spending when the same submission comes again
 * moments after the last one. Focus starts on the confirming button, so Enter makes the take the user
 * pressed Generate for and Escape (the dialog's cancel) keeps the money.
 */
export function RepeatDialog({ repeat, priceFen, onConfirm, onCancel }: { repeat: PendingRepeat | null; priceFen: number; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const price = formatFen(priceFen);
  const body =
    repeat?.ageMs != null
      ? t("studio.repeat.body", { seconds: Math.max(1, Math.round(repeat.ageMs / 1000)), price })
      : t("studio.repeat.bodyRecent", { price });
  return (
    <ModalFrame open={repeat !== null} onDismiss={onCancel} initialFocus="[data-autofocus]" title={t("studio.repeat.title")} body={body} testId="repeat-dialog">
      <div className="mt-5 flex flex-wrap justify-end gap-2">
        <Button variant="secondary" type="button" onClick={onCancel} className="whitespace-nowrap">
          {t("studio.repeat.cancel")}
        </Button>
        <Button type="button" onClick={onConfirm} data-autofocus className="whitespace-nowrap" data-testid="repeat-confirm">
          {t("studio.repeat.confirm")} · {price}
        </Button>
      </div>
    </ModalFrame>
  );
}
