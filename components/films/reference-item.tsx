"use client";
import { useEffect, useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { fieldErrorsOf } from "@/lib/client/field-errors";
import type { ReferenceView } from "@/lib/shared/film/film-views";
import { renameReference } from "./film-api";
import { NoticeLine, useAction } from "./use-action";

/** One reference of the library: its thumbnail, name and kind; rename in place (members), delete (admins/owners, after a confirmation). */
export function ReferenceItem({
  reference: r,
  canEdit,
  canDelete,
  onRenamed,
  onDelete,
}: {
  reference: ReferenceView;
  canEdit: boolean;
  canDelete: boolean;
  onRenamed: (r: ReferenceView) => void;
  onDelete: () => void;
}) {
  const { locale, t } = useI18n();
  const id = useId();
  const { run, notice, busy } = useAction();
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>();
  // Opening the rename form puts the cursor in it.
  const renaming = name !== null;
  useEffect(() => {
    if (renaming) document.getElementById(`${id}-name`)?.focus();
  }, [renaming, id]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    if (name === null) return;
    if (!name.trim()) return setError(t("errors.field.required"));
    const res = await run("films.busy.saving", (x: { reference: ReferenceView }) => t("films.library.renamed", { name: x.reference.name }), () => renameReference(r.id, name), (err) => {
      setError(fieldErrorsOf(err, locale).name);
      return false;
    });
    if (res) {
      onRenamed(res.reference);
      setName(null);
      setError(undefined);
    }
  }

  return (
    <li className="flex flex-col gap-2 rounded-xl border border-zinc-200 p-3 dark:border-zinc-800" data-testid="reference" data-reference-id={r.id}>
      {/* eslint-disable-next-line @next/next/no-img-element -- an authorized upload, not a static asset */}
      <img src={r.imageUrl} alt={r.name} className="aspect-video w-full rounded bg-zinc-100 object-contain dark:bg-zinc-800" loading="lazy" />
      <p className="break-words font-semibold" data-testid="reference-name">
        {r.name}
      </p>
      <p className="text-xs text-zinc-700 dark:text-zinc-300">{t(`films.library.kind.${r.kind}`)}</p>
      {name !== null && (
        <form onSubmit={save} noValidate className="flex flex-col gap-2">
          <Field id={`${id}-name`} label={t("films.library.renameLabel", { name: r.name })} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} error={error} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={busy}>
              {t("films.library.save")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setName(null)}>
              {t("films.cancel")}
            </Button>
          </div>
        </form>
      )}
      <div className="flex flex-wrap gap-2">
        {canEdit && name === null && (
          <Button type="button" variant="secondary" className="!px-2 !py-1" aria-label={t("films.library.renameButton", { name: r.name })} onClick={() => setName(r.name)}>
            {t("films.library.rename")}
          </Button>
        )}
        {canDelete && (
          <Button type="button" variant="secondary" className="!px-2 !py-1" aria-label={t("films.library.deleteLabel", { name: r.name })} onClick={onDelete}>
            {t("films.library.delete")}
          </Button>
        )}
      </div>
      <NoticeLine notice={notice} />
    </li>
  );
}
