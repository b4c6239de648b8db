"use client";
import { MODE_LABEL_KEY } from "@/lib/shared/generation-mode";
import { useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useWorkspace } from "@/lib/client/workspace-context";
import { MODES } from "@/lib/shared/generation-schemas";
import { STATUS_GROUPS, type StatusGroup } from "@/lib/shared/gallery-filters";
import type { FilterKey } from "./use-gallery-filters";
import { ActionButton } from "@/components/ui/action-button";

const GROUPS = Object.keys(STATUS_GROUPS) as StatusGroup[];
const SELECT = "rounded-md border border-zinc-400 bg-white px-2 py-1.5 text-sm dark:border-zinc-600 dark:bg-zinc-900";
const LABEL = "flex flex-col gap-1 text-sm font-medium";

function groupOf(status: string | undefined): StatusGroup | "" {
  if (!status) return "";
  return GROUPS.find((g) => STATUS_GROUPS[g].join(",") === status) ?? "";
}

/** Search + filters, all mirrored in the URL. "/" anywhere outside a text field focuses search. */
export function GalleryFilters({
  raw,
  tags,
  active,
  onChange,
  onClear,
}: {
  raw: Partial<Record<FilterKey, string>>;
  tags: string[];
  active: boolean;
  onChange: (patch: Partial<Record<FilterKey, string | undefined>>) => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  const teamName = useWorkspace().teamName;
  const search = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState(raw.q ?? "");
  const last = useRef(raw.q ?? "");

  // The URL can change under us (back button, clear): follow it unless the user is typing.
  useEffect(() => {
    if ((raw.q ?? "") !== last.current) {
      last.current = raw.q ?? "";
      setQ(raw.q ?? "");
    }
  }, [raw.q]);

  // Debounced: one URL update (and one request) per pause in typing.
  useEffect(() => {
    if (q === last.current) return;
    const timer = setTimeout(() => {
      last.current = q;
      onChange({ q: q.trim() || undefined });
    }, 250);
    return () => clearTimeout(timer);
  }, [q, onChange]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement | null;
      if (el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName))) return;
      if (document.querySelector("dialog[open]")) return;
      e.preventDefault();
      search.current?.focus();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  return (
    <section aria-label={t("gallery.filters")} className="flex flex-col gap-3 rounded-xl border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex flex-col gap-1">
        <label htmlFor="gallery-search" className="text-sm font-medium">
          {t("gallery.search.label")}
        </label>
        <input
          id="gallery-search"
          ref={search}
          type="search"
          value={q}
          maxLength={200}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t("gallery.search.placeholder")}
          aria-describedby="gallery-search-hint"
          className="rounded-md border border-zinc-400 bg-white px-3 py-2 text-base dark:border-zinc-600 dark:bg-zinc-900"
        />
        <p id="gallery-search-hint" data-keyboard-hint className="text-xs text-zinc-700 dark:text-zinc-300">
          {t("gallery.search.hint")}
        </p>
      </div>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <label className={LABEL}>
          {t("gallery.filter.mode")}
          <select className={SELECT} value={raw.mode ?? ""} onChange={(e) => onChange({ mode: e.target.value || undefined })} data-testid="filter-mode">
            <option value="">{t("gallery.filter.any")}</option>
            {MODES.map((m) => (
              <option key={m} value={m}>
                {t(MODE_LABEL_KEY[m])}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          {t("gallery.filter.status")}
          <select
            className={SELECT}
            value={groupOf(raw.status)}
            onChange={(e) => onChange({ status: e.target.value ? STATUS_GROUPS[e.target.value as StatusGroup].join(",") : undefined })}
            data-testid="filter-status"
          >
            <option value="">{t("gallery.filter.any")}</option>
            {GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`gallery.filter.status.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          {t("gallery.filter.tag")}
          <select className={SELECT} value={raw.tag ?? ""} onChange={(e) => onChange({ tag: e.target.value || undefined })} data-testid="filter-tag">
            <option value="">{t("gallery.filter.any")}</option>
            {[...new Set([...tags, ...(raw.tag ? [raw.tag] : [])])].map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </label>
        <label className={LABEL}>
          {t("gallery.filter.from")}
          <input type="date" className={SELECT} value={raw.from ?? ""} max={raw.to} onChange={(e) => onChange({ from: e.target.value || undefined })} />
        </label>
        <label className={LABEL}>
          {t("gallery.filter.to")}
          <input type="date" className={SELECT} value={raw.to ?? ""} min={raw.from} onChange={(e) => onChange({ to: e.target.value || undefined })} />
        </label>
        <label className={LABEL}>
          {t("gallery.filter.sort")}
          <select className={SELECT} value={raw.sort ?? "newest"} onChange={(e) => onChange({ sort: e.target.value === "oldest" ? "oldest" : undefined })}>
            <option value="newest">{t("gallery.filter.sort.newest")}</option>
            <option value="oldest">{t("gallery.filter.sort.oldest")}</option>
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm">
        <label className="flex items-center gap-2 font-medium">
          <input
            type="checkbox"
            className="size-5 accent-indigo-700"
            checked={raw.favourite === "true"}
            onChange={(e) => onChange({ favourite: e.target.checked ? "true" : undefined })}
            data-testid="filter-favourite"
          />
          {t("gallery.filter.favourites")}
        </label>
        {teamName ? (
          <label className="flex items-center gap-2 font-medium">
            {t("gallery.filter.creator")}
            <select
              className={SELECT}
              value={raw.creator === "me" ? "me" : ""}
              onChange={(e) => onChange({ creator: e.target.value || undefined })}
              data-testid="filter-creator"
            >
              <option value="">{t("gallery.filter.creator.anyone")}</option>
              <option value="me">{t("gallery.filter.creator.me")}</option>
            </select>
          </label>
        ) : (
          <span className="text-zinc-700 dark:text-zinc-300">
            {t("gallery.filter.scope")}: {t("gallery.filter.scope.personal")}
          </span>
        )}
        {active && (
          <ActionButton type="button" onClick={onClear} className="ml-auto font-semibold text-indigo-800 underline dark:text-indigo-300">
            {t("gallery.filter.clear")}
          </ActionButton>
        )}
      </div>
    </section>
  );
}
