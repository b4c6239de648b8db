"use client";
import { useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useWorkspace } from "@/lib/client/workspace-context";

/** Actions on the selected clips: zip download, tag, delete; select all loaded / clear. */
export function BulkBar({
  count,
  total,
  busy,
  onSelectAll,
  onClear,
  onZip,
  onTag,
  onDelete,
}: {
  count: number;
  total: number;
  busy: boolean;
  onSelectAll: () => void;
  onClear: () => void;
  onZip: () => void;
  onTag: (tag: string) => void;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  const [tag, setTag] = useState("");
  // Only what the actor's role allows in this workspace (server's permission table): a viewer zips.
  const allowed = useWorkspace().clipActions;
  const mayTag = allowed.includes("clip.annotate");
  const mayDelete = allowed.includes("clip.deleteOwn") || allowed.includes("clip.manageAny");
  return (
    <section
      aria-label={t("gallery.bulk.label")}
      className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-xl border border-indigo-300 bg-indigo-50 p-2 text-sm dark:border-indigo-800 dark:bg-indigo-950"
      data-testid="bulk-bar"
    >
      <span className="px-1 font-semibold" data-testid="bulk-count">
        {t("gallery.bulk.selected", { count })}
      </span>
      {count < total && (
        <Button type="button" variant="secondary" className="!py-1.5" onClick={onSelectAll}>
          {t("gallery.bulk.selectAll")}
        </Button>
      )}
      <Button type="button" variant="secondary" className="!py-1.5" onClick={onClear}>
        {t("gallery.bulk.clear")}
      </Button>
      <Button type="button" className="!py-1.5" onClick={onZip} disabled={busy || count === 0} data-testid="bulk-zip">
        {t("gallery.bulk.zip")}
      </Button>
      {mayTag && (
        <form
          className="flex items-center gap-1"
          onSubmit={(e) => {
            e.preventDefault();
            if (!tag.trim()) return;
            onTag(tag.trim());
            setTag("");
          }}
        >
          <label htmlFor="bulk-tag" className="sr-only">
            {t("gallery.bulk.tagPlaceholder")}
          </label>
          <input
            id="bulk-tag"
            value={tag}
            maxLength={40}
            onChange={(e) => setTag(e.target.value)}
            placeholder={t("gallery.bulk.tagPlaceholder")}
            className="w-32 rounded-md border border-zinc-400 bg-white px-2 py-1.5 dark:border-zinc-600 dark:bg-zinc-900"
          />
          <Button type="submit" variant="secondary" className="!py-1.5" disabled={busy || !tag.trim()}>
            {t("gallery.bulk.tag")}
          </Button>
        </form>
      )}
      {mayDelete && (
        <Button
          type="button"
          variant="secondary"
          className="!border-red-700 !py-1.5 !text-red-800 dark:!border-red-400 dark:!text-red-300"
          onClick={onDelete}
          disabled={busy || count === 0}
          data-testid="bulk-delete"
        >
          {t("gallery.bulk.delete")}
        </Button>
      )}
    </section>
  );
}
