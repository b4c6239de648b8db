"use client";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { ConfirmDialog } from "@/components/gallery/confirm-dialog";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useWorkspace } from "@/lib/client/workspace-context";
import type { ReferenceView } from "@/lib/shared/film/film-views";
import { roleAllows } from "@/lib/shared/team-roles";
import { AddReferenceForm } from "./add-reference-form";
import { deleteReference, listReferences } from "./film-api";
import { ReferenceItem } from "./reference-item";
import { NoticeLine, useAction } from "./use-action";

/**
 * The workspace's characters and products: named reference images that shots use as frames. Everyone
 * sees them; members add and rename; admins/owners delete, and the server refuses while shots use one
 * (the refusal names the films and shots, shown here).
 */
function Library() {
  const { t } = useI18n();
  const { teamId, role, canGenerate: canEdit } = useWorkspace();
  const canDelete = role === null || roleAllows(role, "film.delete");
  const { run, notice, busy, errorText } = useAction();
  const [items, setItems] = useState<ReferenceView[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<ReferenceView | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await listReferences(teamId)).items);
    } catch (e) {
      setLoadError(errorText(e));
    }
  }, [errorText, teamId]);
  useEffect(() => {
    // load() sets state only after its fetch resolves.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void load();
  }, [load]);

  const sorted = (xs: ReferenceView[]) => [...xs].sort((a, b) => a.name.localeCompare(b.name));
  async function remove(r: ReferenceView) {
    setConfirm(null);
    const ok = await run("films.library.deleting", () => t("films.library.deleted", { name: r.name }), () => deleteReference(r.id));
    if (ok !== null) setItems((xs) => (xs ?? []).filter((x) => x.id !== r.id));
  }

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <section aria-labelledby="library-list" className="flex min-w-0 flex-col gap-3">
        <h2 id="library-list" className="text-lg font-semibold">
          {t("films.library.list")}
        </h2>
        {!canEdit && <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("films.library.viewer")}</p>}
        <NoticeLine notice={notice} testId="library-notice" />
        {loadError && <p role="alert" className="text-red-700 dark:text-red-400">{loadError}</p>}
        {!items && !loadError && <p>{t("films.library.loading")}</p>}
        {items?.length === 0 && <p className="text-zinc-700 dark:text-zinc-300">{t("films.library.empty")}</p>}
        {items && items.length > 0 && (
          <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3" data-testid="reference-list">
            {items.map((r) => (
              <ReferenceItem key={r.id} reference={r} canEdit={canEdit} canDelete={canDelete} onRenamed={(n) => setItems((xs) => sorted((xs ?? []).map((x) => (x.id === n.id ? n : x))))} onDelete={() => setConfirm(r)} />
            ))}
          </ul>
        )}
      </section>
      {canEdit && <AddReferenceForm teamId={teamId} onAdded={(r) => setItems((xs) => sorted([...(xs ?? []), r]))} />}
      <ConfirmDialog
        open={confirm !== null}
        title={t("films.library.deleteTitle", { name: confirm?.name ?? "" })}
        body={t("films.library.deleteBody")}
        confirmLabel={t("films.library.delete")}
        cancelLabel={t("films.cancel")}
        busy={busy}
        onCancel={() => setConfirm(null)}
        onConfirm={() => confirm && void remove(confirm)}
      />
    </div>
  );
}

export function ReferenceLibrary() {
  const { t } = useI18n();
  return (
    <div className="flex flex-col gap-4">
      <Link href="/films" className="self-start text-sm font-semibold text-indigo-800 underline dark:text-indigo-300">
        ← {t("films.back")}
      </Link>
      <Library />
    </div>
  );
}
