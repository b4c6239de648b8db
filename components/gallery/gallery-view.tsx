"use client";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { useAnnounce } from "@/components/ui/live-region";
import { useToast } from "@/components/ui/toast";
import { useWorkspace } from "@/lib/client/workspace-context";
import { ApiError } from "@/lib/client/api-error";
import { BulkBar } from "./bulk-bar";
import { ClipDetail } from "./clip-detail";
import { ClipGrid } from "./clip-grid";
import { ConfirmDialog } from "./confirm-dialog";
import { DeleteClipConfirm } from "./delete-clip-confirm";
import { DetailDialog } from "./detail-dialog";
import { bulkDelete, bulkTag, downloadZip, fetchTags } from "./gallery-api";
import { GalleryFilters } from "./gallery-filters";
import { GalleryStates } from "./gallery-states";
import { detailHandlers, useClipActions } from "./use-clip-actions";
import { useGalleryFilters } from "./use-gallery-filters";
import { useGalleryPages } from "./use-gallery-pages";
import { useInfiniteScroll } from "./use-infinite-scroll";
import { usePosterArrivals } from "./use-poster-arrivals";
import { useSelection } from "./use-selection";

/** The gallery page's client part: filters, grid, bulk bar, modal. */
export function GalleryView() {
  const { locale, t } = useI18n();
  const announce = useAnnounce();
  const toast = useToast();
  const workspace = useWorkspace();
  const { raw, apiQuery, setFilter, clear, active } = useGalleryFilters();
  const pages = useGalleryPages(apiQuery);
  usePosterArrivals(pages.items, pages.update);
  const [tags, setTags] = useState<string[]>([]);
  const refreshTags = useCallback(() => void fetchTags().then((r) => setTags(r.tags), () => {}), []);
  useEffect(refreshTags, [refreshTags]);

  const selection = useSelection(pages.items);
  const [bulkBusy, setBulkBusy] = useState(false);
  const [confirmBulk, setConfirmBulk] = useState(false);

  // The modal's clip id lives in the URL (/gallery/<id>, pushed with history.pushState so the grid
  // stays mounted); Back or Esc closes it.
  const pathname = usePathname();
  const openId = /^\/gallery\/([A-Za-z0-9_-]+)$/.exec(pathname)?.[1] ?? null;
  const pushed = useRef(false);
  const open = useCallback((id: string) => {
    pushed.current = true;
    window.history.pushState(null, "", `/gallery/${encodeURIComponent(id)}${window.location.search}`);
  }, []);
  const close = useCallback(() => {
    if (pushed.current) {
      pushed.current = false;
      window.history.back();
    } else {
      window.history.replaceState(null, "", `/gallery${window.location.search}`);
    }
  }, []);
  const openClip = pages.items.find((c) => c.id === openId) ?? null;

  // A deletion shrinks the list: its own announcement ("Clip deleted") must not be replaced by the
  // "N clips shown" count that a changed list otherwise announces.
  const quietCount = useRef(false);
  const onDeleted = useCallback(
    (id: string) => {
      quietCount.current = true;
      pages.remove([id]);
      selection.drop([id]);
      if (openId === id) close();
    },
    [close, openId, pages, selection],
  );
  // A clip moved into a team leaves this (personal) list; the detail closes with it.
  const moved = useCallback(
    (id: string) => {
      pages.remove([id]);
      selection.drop([id]);
      window.history.replaceState(null, "", `/gallery${window.location.search}`);
    },
    [pages, selection],
  );
  const actions = useClipActions({
    onChanged: (v) => {
      pages.update(v);
      refreshTags();
    },
    onDeleted,
    onRetried: () => pages.reload(),
  });

  const sentinel = useInfiniteScroll(pages.hasMore && pages.state === "ready" && !pages.loadingMore, pages.loadMore);

  useEffect(() => {
    if (quietCount.current) {
      quietCount.current = false;
      return;
    }
    if (pages.state === "ready") announce(t("gallery.count", { count: pages.items.length }));
  }, [announce, pages.items.length, pages.state, t]);

  async function runBulk(work: () => Promise<void>) {
    setBulkBusy(true);
    try {
      await work();
    } catch (e) {
      toast(t("gallery.action.failed", { reason: e instanceof ApiError ? e.localized(locale) : String(e) }), "error");
    } finally {
      setBulkBusy(false);
    }
  }

  const handlers = useMemo(() => (openClip ? detailHandlers(actions, openClip, tags, (v) => moved(v.id)) : null), [actions, openClip, tags, moved]);

  return (
    <div className="flex flex-col gap-4">
      {workspace.teamName && (
        <p className="text-sm font-medium text-indigo-900 dark:text-indigo-200" data-testid="workspace-notice">
          {t("workspace.galleryTeam", { team: workspace.teamName })}
        </p>
      )}
      <GalleryFilters raw={raw} tags={tags} active={active} onChange={setFilter} onClear={clear} />
      <p id="gallery-keyboard-help" data-keyboard-hint className="text-xs text-zinc-700 dark:text-zinc-300">
        {/* A viewer has no favourite or delete keys, so the help does not offer them. */}
        {t(workspace.clipActions.includes("clip.annotate") ? "gallery.keyboardHelp" : "gallery.keyboardHelpView")}
      </p>
      {selection.size > 0 && (
        <BulkBar
          count={selection.size}
          total={pages.items.length}
          busy={bulkBusy}
          onSelectAll={selection.selectAll}
          onClear={selection.clear}
          onZip={() => {
            downloadZip(selection.ids());
            toast(t("gallery.bulk.zipStarted"));
          }}
          onTag={(tag) =>
            void runBulk(async () => {
              const r = await bulkTag(selection.ids(), tag);
              toast(t("gallery.bulk.tagged", { tag, count: r.done.length }));
              pages.reload();
              refreshTags();
            })
          }
          onDelete={() => setConfirmBulk(true)}
        />
      )}
      <GalleryStates state={pages.state} count={pages.items.length} filtered={active} onRetry={pages.reload} onClear={clear} />
      {pages.items.length > 0 && (
        <ClipGrid
          clips={pages.items}
          selected={selection.set}
          onOpen={open}
          onSelect={(i, shift) => {
            const n = selection.toggle(i, shift);
            announce(t("gallery.bulk.selectionChanged", { count: n }));
          }}
          onFavourite={(c) => void actions.toggleFavourite(c)}
          onDelete={actions.askDelete}
        />
      )}
      {pages.state === "ready" && pages.items.length > 0 && (
        <div ref={sentinel} className="flex flex-col items-center gap-2 py-4">
          {pages.hasMore ? (
            <Button type="button" variant="secondary" onClick={() => void pages.loadMore()} disabled={pages.loadingMore} data-testid="load-more">
              {pages.loadingMore ? t("gallery.loadingMore") : t("gallery.loadMore")}
            </Button>
          ) : (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("gallery.end")}</p>
          )}
        </div>
      )}
      <DetailDialog open={openClip !== null} title={openClip?.prompt || t("gallery.detail.title")} onClose={close}>
        {openClip && handlers && <ClipDetail clip={openClip} headingId="modal" handlers={handlers} />}
      </DetailDialog>
      <DeleteClipConfirm actions={actions} />
      <ConfirmDialog
        open={confirmBulk}
        title={t("gallery.delete.titleMany", { count: selection.size })}
        body={t("gallery.delete.body")}
        confirmLabel={bulkBusy ? t("gallery.delete.working") : t("gallery.delete.confirm")}
        cancelLabel={t("gallery.delete.cancel")}
        busy={bulkBusy}
        onConfirm={() =>
          void runBulk(async () => {
            const r = await bulkDelete(selection.ids());
            setConfirmBulk(false);
            quietCount.current = r.done.length > 0;
            pages.remove(r.done);
            selection.drop(r.done);
            toast(t("gallery.delete.doneMany", { count: r.done.length }));
            if (r.skipped.length) toast(t("gallery.delete.skipped", { count: r.skipped.length }), "error");
          })
        }
        onCancel={() => setConfirmBulk(false)}
      />
    </div>
  );
}
