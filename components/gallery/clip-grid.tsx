"use client";
import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { useWorkspace } from "@/lib/client/workspace-context";
import { rightsOf } from "@/lib/shared/clip-rights";
import type { GenerationView } from "@/lib/shared/generation-view";
import { ClipTile } from "./clip-tile";

// The grid with one tab stop (roving tabindex on the tiles' open links): arrow keys move by one
// tile or one row (the column count is read from the layout, so it follows the responsive grid),
// Home/End jump, Enter opens (the link), F favourites and Delete asks to delete the focused clip.

function columnsOf(list: HTMLElement): number {
  const tiles = [...list.children] as HTMLElement[];
  const top = tiles[0]?.offsetTop;
  const n = tiles.findIndex((el) => el.offsetTop !== top);
  return n === -1 ? Math.max(1, tiles.length) : n;
}

export function ClipGrid({
  clips,
  selected,
  onOpen,
  onSelect,
  onFavourite,
  onDelete,
}: {
  clips: GenerationView[];
  selected: Set<string>;
  onOpen: (id: string) => void;
  onSelect: (index: number, shift: boolean) => void;
  onFavourite: (clip: GenerationView) => void;
  onDelete: (clip: GenerationView) => void;
}) {
  const { t } = useI18n();
  const allowed = useWorkspace().clipActions;
  const list = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  const current = Math.min(active, Math.max(0, clips.length - 1));

  const focusAt = useCallback((i: number) => {
    list.current?.querySelector<HTMLElement>(`[data-card-index="${i}"]`)?.focus();
  }, []);

  function onKeyDown(e: KeyboardEvent<HTMLUListElement>) {
    const target = e.target as HTMLElement;
    if (!target.hasAttribute("data-card-index") || e.altKey || e.ctrlKey || e.metaKey) return;
    const i = Number(target.getAttribute("data-card-index"));
    const cols = list.current ? columnsOf(list.current) : 1;
    const move: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols };
    const clip = clips[i];
    if (e.key in move) {
      const next = i + (move[e.key] ?? 0);
      if (next >= 0 && next < clips.length) focusAt(next);
      e.preventDefault();
    } else if (e.key === "Home" || e.key === "End") {
      focusAt(e.key === "Home" ? 0 : clips.length - 1);
      e.preventDefault();
    } else if ((e.key === "f" || e.key === "F") && clip && !e.shiftKey && rightsOf(clip, allowed).annotate) {
      onFavourite(clip);
      e.preventDefault();
    } else if (e.key === "Delete" && clip && rightsOf(clip, allowed).delete) {
      onDelete(clip);
      e.preventDefault();
    }
  }

  return (
    // Key handling is delegated from the tiles' links (real interactive elements) to the list.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <ul
      ref={list}
      aria-label={t("gallery.gridLabel")}
      aria-describedby="gallery-keyboard-help"
      onKeyDown={onKeyDown}
      className="grid grid-cols-1 gap-4 min-[480px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4"
      data-testid="gallery-grid"
    >
      {clips.map((clip, i) => (
        <ClipTile
          key={clip.id}
          clip={clip}
          index={i}
          now={now}
          active={i === current}
          selected={selected.has(clip.id)}
          onOpen={onOpen}
          onSelect={onSelect}
          onFocusTile={setActive}
        />
      ))}
    </ul>
  );
}
