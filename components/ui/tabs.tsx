"use client";
import { type KeyboardEvent, type ReactNode, useRef } from "react";
import { ActionButton } from "./action-button";

export interface TabItem<T extends string> {
  id: T;
  label: ReactNode;
}

/**
 * WAI-ARIA tabs (automatic activation): Left/Right move and select, Home/End jump, only the selected
 * tab is in the tab order. Panels are rendered by the caller with <TabPanel>.
 */
export function Tabs<T extends string>({
  idPrefix,
  label,
  items,
  selected,
  onSelect,
}: {
  idPrefix: string;
  label: string;
  items: readonly TabItem<T>[];
  selected: T;
  onSelect: (id: T) => void;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    const i = items.findIndex((t) => t.id === selected);
    let next = -1;
    if (e.key === "ArrowRight") next = (i + 1) % items.length;
    else if (e.key === "ArrowLeft") next = (i - 1 + items.length) % items.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = items.length - 1;
    const item = items[next];
    if (!item) return;
    e.preventDefault();
    onSelect(item.id);
    refs.current[item.id]?.focus();
  }
  return (
    <div
      role="tablist"
      aria-label={label}
      className="grid grid-cols-3 gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-900"
    >
      {items.map((t) => {
        const active = t.id === selected;
        return (
          <ActionButton
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${t.id}`}
            aria-selected={active}
            aria-controls={`${idPrefix}-panel-${t.id}`}
            tabIndex={active ? 0 : -1}
            onClick={() => onSelect(t.id)}
            onKeyDown={onKeyDown}
            className={`min-h-11 rounded-md px-2 py-2 text-sm font-medium leading-tight transition-colors ${
              active
                ? "bg-white text-zinc-950 shadow-sm ring-1 ring-zinc-300 dark:bg-zinc-800 dark:text-white dark:ring-zinc-600"
                : "text-zinc-700 hover:bg-white/60 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-800/60 dark:hover:text-white"
            }`}
          >
            {t.label}
          </ActionButton>
        );
      })}
    </div>
  );
}

export function TabPanel({ idPrefix, id, children }: { idPrefix: string; id: string; children: ReactNode }) {
  return (
    <div role="tabpanel" id={`${idPrefix}-panel-${id}`} aria-labelledby={`${idPrefix}-tab-${id}`} className="outline-none">
      {children}
    </div>
  );
}
