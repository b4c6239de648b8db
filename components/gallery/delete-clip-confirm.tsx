"use client";
import { useI18n } from "@/components/i18n/i18n-provider";
import { ConfirmDialog } from "./confirm-dialog";
import type { ClipActions } from "./use-clip-actions";

/** The "delete this clip?" question the actions ask (askDelete), wherever a clip can be deleted from. */
export function DeleteClipConfirm({ actions }: { actions: ClipActions }) {
  const { t } = useI18n();
  return (
    <ConfirmDialog
      open={actions.confirmDelete !== null}
      title={t("gallery.delete.title")}
      body={t("gallery.delete.body")}
      confirmLabel={actions.busy ? t("gallery.delete.working") : t("gallery.delete.confirm")}
      cancelLabel={t("gallery.delete.cancel")}
      busy={actions.busy}
      onConfirm={() => void actions.confirm()}
      onCancel={actions.cancelDelete}
    />
  );
}
