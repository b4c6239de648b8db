"use client";
import { useEffect, useId, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useAnnounce } from "@/components/ui/live-region";
import { apiFetch } from "@/lib/client/api";
import type { ApiError } from "@/lib/client/api-error";
import { useWorkspace, withWorkspace } from "@/lib/client/workspace-context";
import type { PromptHistoryView } from "@/lib/shared/studio-draft";
import { ActionButton } from "@/components/ui/action-button";

// "Recent prompts" beside the prompt field: a disclosure button opening a search box that is a
// combobox over a listbox of the user's last distinct prompts in this workspace (GET /api/studio/prompts,
// loaded each time it opens). Arrow keys move the active option (aria-activedescendant, focus stays in
// the search box), Enter or a click fills the prompt and returns focus to it, Escape closes. The panel
// spans the prompt field (its positioned ancestor), so it fits a 375 px screen.

type Loaded = { status: "loading" } | { status: "ready"; prompts: PromptHistoryView["prompts"] } | { status: "error"; error: ApiError };

const fold = (s: string) => s.normalize("NFKC").toLowerCase();

export function PromptHistory({ promptId, onPick }: { promptId: string; onPick: (prompt: string) => void }) {
  const { locale, t } = useI18n();
  const announce = useAnnounce();
  const workspace = useWorkspace();
  const base = useId();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ status: "loading" });
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!open) return;
    const ctrl = new AbortController();
    apiFetch<PromptHistoryView>(withWorkspace("/api/studio/prompts", workspace.teamId), { signal: ctrl.signal }).then(
      (v) => setLoaded({ status: "ready", prompts: v.prompts }),
      (error: unknown) => {
        if (!ctrl.signal.aborted) setLoaded({ status: "error", error: error as ApiError });
      },
    );
    inputRef.current?.focus();
    return () => ctrl.abort();
  }, [open, workspace.teamId]);

  const items = loaded.status === "ready" ? loaded.prompts.filter((p) => fold(p.prompt).includes(fold(query.trim()))) : [];
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));
  const listId = `${base}-list`;
  const optionId = (i: number) => `${base}-opt-${i}`;

  function close(focusButton: boolean) {
    setOpen(false);
    setQuery("");
    setActive(0);
    setLoaded({ status: "loading" });
    if (focusButton) buttonRef.current?.focus();
  }
  function pick(prompt: string) {
    onPick(prompt);
    close(false);
    announce(t("studio.history.used"));
    document.getElementById(promptId)?.focus();
  }
  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (!items.length) return;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + items.length) % items.length);
    } else if (e.key === "Home" || e.key === "End") {
      if (!items.length) return;
      e.preventDefault();
      setActive(e.key === "Home" ? 0 : items.length - 1);
    } else if (e.key === "Enter" && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      const item = items[activeIndex];
      if (item) pick(item.prompt);
    } else if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      close(true);
    }
  }

  const message =
    loaded.status === "loading"
      ? t("studio.history.loading")
      : loaded.status === "error"
        ? t("studio.history.loadError", { reason: loaded.error.localized(locale) })
        : loaded.prompts.length === 0
          ? t("studio.history.empty")
          : items.length === 0
            ? t("studio.history.noMatch", { q: query.trim() })
            : t("studio.history.count", { count: items.length });

  return (
    <div
      ref={rootRef}
      className="static"
      onBlur={(e) => {
        if (open && !rootRef.current?.contains(e.relatedTarget as Node | null)) close(false);
      }}
    >
      <ActionButton
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? `${base}-panel` : undefined}
        onClick={() => (open ? close(true) : setOpen(true))}
        className="rounded px-1.5 py-1 text-xs font-medium text-indigo-800 underline underline-offset-2 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950"
        data-testid="prompt-history-open"
      >
        {t("studio.history.open")}
      </ActionButton>
      {open && (
        <div
          id={`${base}-panel`}
          role="group"
          aria-label={t("studio.history.title")}
          className="absolute inset-x-0 z-20 mt-1 flex flex-col gap-2 rounded-lg border border-zinc-300 bg-white p-2 shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          data-testid="prompt-history"
        >
          <label htmlFor={`${base}-search`} className="sr-only">
            {t("studio.history.search")}
          </label>
          <input
            ref={inputRef}
            id={`${base}-search`}
            type="search"
            role="combobox"
            aria-expanded={items.length > 0}
            aria-controls={items.length ? listId : undefined}
            aria-autocomplete="list"
            aria-activedescendant={items.length ? optionId(activeIndex) : undefined}
            aria-describedby={`${base}-status`}
            placeholder={t("studio.history.searchPlaceholder")}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            autoComplete="off"
            className="w-full rounded-md border border-zinc-400 bg-white px-2 py-1.5 text-sm dark:border-zinc-600 dark:bg-zinc-950"
          />
          <p id={`${base}-status`} aria-live="polite" className="px-1 text-xs text-zinc-600 dark:text-zinc-400">
            {message}
          </p>
          {items.length > 0 && (
          <ul id={listId} role="listbox" aria-label={t("studio.history.title")} className="max-h-64 overflow-y-auto">
            {items.map((item, i) => (
              <li
                key={item.prompt}
                id={optionId(i)}
                role="option"
                aria-selected={i === activeIndex}
                // Keys are the combobox's (aria-activedescendant); the pointer picks on release, and
                // mousedown keeps the focus in the search box.
                onMouseDown={(e) => e.preventDefault()}
                onMouseUp={() => pick(item.prompt)}
                onMouseMove={() => i !== activeIndex && setActive(i)}
                className={`cursor-pointer rounded px-2 py-1.5 text-sm break-words whitespace-pre-line ${
                  i === activeIndex ? "bg-indigo-100 text-indigo-950 dark:bg-indigo-900 dark:text-indigo-50" : "text-zinc-900 dark:text-zinc-100"
                }`}
              >
                {item.prompt}
              </li>
            ))}
          </ul>
          )}
        </div>
      )}
    </div>
  );
}
