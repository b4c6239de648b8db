"use client";
import { useId, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { ActionButton } from "@/components/ui/action-button";

/** A clip's tags: remove buttons per tag and a small add form (with suggestions from the datalist). */
export function TagEditor({
  tags,
  suggestions,
  busy,
  onAdd,
  onRemove,
}: {
  tags: string[];
  suggestions: string[];
  busy: boolean;
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState("");
  const id = useId();
  return (
    <div className="flex flex-col gap-2">
      <h3 className="text-sm font-semibold">{t("gallery.tags.label")}</h3>
      {tags.length === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("gallery.tags.none")}</p>
      ) : (
        <ul className="flex flex-wrap gap-1.5" data-testid="detail-tags">
          {tags.map((tag) => (
            <li key={tag} className="flex items-center gap-1 rounded-full bg-zinc-100 py-0.5 pl-2.5 pr-1 text-sm dark:bg-zinc-800">
              <span>{tag}</span>
              <ActionButton
                type="button"
                onClick={() => onRemove(tag)}
                disabled={busy}
                aria-label={t("gallery.tags.remove", { tag })}
                className="flex size-6 items-center justify-center rounded-full hover:bg-zinc-300 dark:hover:bg-zinc-600"
              >
                <span aria-hidden="true">×</span>
              </ActionButton>
            </li>
          ))}
        </ul>
      )}
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          const tag = draft.trim();
          if (!tag) return;
          onAdd(tag);
          setDraft("");
        }}
      >
        <label htmlFor={`${id}-tag`} className="sr-only">
          {t("gallery.tags.new")}
        </label>
        <input
          id={`${id}-tag`}
          value={draft}
          maxLength={40}
          list={`${id}-list`}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t("gallery.tags.new")}
          className="min-w-0 flex-1 rounded-md border border-zinc-400 bg-white px-3 py-1.5 text-sm dark:border-zinc-600 dark:bg-zinc-900"
        />
        <datalist id={`${id}-list`}>
          {suggestions.filter((s) => !tags.includes(s)).map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <Button type="submit" variant="secondary" disabled={busy || !draft.trim()} className="!py-1.5">
          {t("gallery.tags.add")}
        </Button>
      </form>
    </div>
  );
}
