"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api";
import { useWorkspace } from "@/lib/client/workspace-context";
import { aspectBoxStyle } from "@/lib/shared/clip-aspect";
import type { GalleryStillsPage, GalleryStillView } from "@/lib/shared/film/still-views";
import { formatFen } from "@/lib/shared/money";
import { relativeTime } from "./format-time";

// The gallery's Stills view: the workspace's CogView stills, newest first, each at its film's shape,
// saying which film and shot it belongs to and whether it is that shot's frame; a tile opens the
// shot in its storyboard (where stills are made, picked and animated). "Show more" reads the next page.

const PAGE_SIZE = 24;
const TILE_MAX_HEIGHT = "16rem";

type Load = { key: string } & ({ state: "loading" } | { state: "error" } | { state: "ready"; items: GalleryStillView[]; cursor: string | null });

const fetchStills = (team: string | null, cursor: string | null) =>
  apiFetch<GalleryStillsPage>(`/api/stills?${new URLSearchParams({ limit: String(PAGE_SIZE), ...(team ? { team } : {}), ...(cursor ? { cursor } : {}) })}`);

export function StillsGallery() {
  const { t } = useI18n();
  const { teamId } = useWorkspace();
  const [reloads, setReloads] = useState(0);
  // "loading" is derived: the loaded result belongs to another workspace (or reload) than the current one.
  const key = `${teamId ?? ""}#${reloads}`;
  const [result, setResult] = useState<Load>({ key: "", state: "loading" });
  const load: Load = result.key === key ? result : { key, state: "loading" };
  const [more, setMore] = useState<"idle" | "busy" | "failed">("idle");
  const [now] = useState(() => Date.now());

  useEffect(() => {
    let live = true;
    fetchStills(teamId ?? null, null).then(
      (page) => live && setResult({ key, state: "ready", items: page.items, cursor: page.nextCursor }),
      () => live && setResult({ key, state: "error" }),
    );
    return () => {
      live = false;
    };
  }, [key, teamId]);

  async function showMore() {
    if (load.state !== "ready" || !load.cursor) return;
    setMore("busy");
    try {
      const page = await fetchStills(teamId ?? null, load.cursor);
      setResult({ key, state: "ready", items: [...load.items, ...page.items], cursor: page.nextCursor });
      setMore("idle");
    } catch {
      setMore("failed");
    }
  }

  if (load.state === "loading") {
    return (
      <p role="status" aria-live="polite" className="text-zinc-700 dark:text-zinc-300">
        {t("gallery.stills.loading")}
      </p>
    );
  }
  if (load.state === "error") {
    return (
      <div role="alert" className="flex flex-col items-start gap-2 rounded-xl border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
        <p>{t("gallery.stills.loadError")}</p>
        <Button type="button" variant="secondary" onClick={() => setReloads((n) => n + 1)}>
          {t("gallery.tryAgain")}
        </Button>
      </div>
    );
  }
  if (load.items.length === 0) {
    return (
      <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700" data-testid="stills-empty">
        <h2 className="text-lg font-semibold">{t("gallery.stills.empty.title")}</h2>
        <p className="text-zinc-700 dark:text-zinc-300">{t("gallery.stills.empty.body")}</p>
        <Link href="/films" className="font-semibold text-indigo-800 underline dark:text-indigo-300">
          {t("gallery.stills.empty.cta")}
        </Link>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p role="status" aria-live="polite" className="sr-only">
        {t("gallery.stills.count", { count: load.items.length })}
      </p>
      <ul className="grid grid-cols-1 gap-4 min-[480px]:grid-cols-2 md:grid-cols-3 xl:grid-cols-4" data-testid="stills-grid">
        {load.items.map((still) => (
          <StillTile key={still.id} still={still} now={now} />
        ))}
      </ul>
      {load.cursor && (
        <div className="flex flex-col items-start gap-1">
          <Button type="button" variant="secondary" disabled={more === "busy"} onClick={() => void showMore()}>
            {t(more === "busy" ? "gallery.loadingMore" : "gallery.stills.more")}
          </Button>
          {more === "failed" && (
            <p role="alert" className="text-sm text-red-800 dark:text-red-300">
              {t("gallery.stills.loadError")}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function StillTile({ still, now }: { still: GalleryStillView; now: number }) {
  const { locale, t } = useI18n();
  const shot = t("gallery.stills.shot", { number: still.shot.number, film: still.film.title });
  const used = still.usedAs ? t(still.usedAs === "start" ? "gallery.stills.usedStart" : "gallery.stills.usedEnd") : null;
  return (
    <li className="flex flex-col overflow-hidden rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900" data-testid="still-tile">
      <Link
        href={`/films/${encodeURIComponent(still.film.id)}?shot=${encodeURIComponent(still.shot.id)}`}
        className="flex flex-col rounded-xl focus-visible:outline-3 focus-visible:-outline-offset-3 focus-visible:outline-indigo-700 dark:focus-visible:outline-indigo-300"
      >
        <div className="flex justify-center bg-zinc-100 dark:bg-zinc-950">
          <div className="relative bg-zinc-200 dark:bg-zinc-800" style={aspectBoxStyle(still, TILE_MAX_HEIGHT)}>
            {/* eslint-disable-next-line @next/next/no-img-element -- a signed media URL, sized by CSS; next/image would proxy it */}
            <img src={still.url} alt="" loading="lazy" decoding="async" className="absolute inset-0 size-full object-cover" />
            {used && <span className="absolute left-2 top-2 rounded bg-black/75 px-1.5 py-0.5 text-xs font-medium text-white">{used}</span>}
          </div>
        </div>
        <div className="flex flex-col gap-1 p-3">
          <p className="text-sm font-medium text-zinc-900 dark:text-zinc-100">{shot}</p>
          {still.shot.sceneHeading && <p className="text-xs text-zinc-700 dark:text-zinc-300">{still.shot.sceneHeading}</p>}
          <p className="line-clamp-2 text-xs text-zinc-700 dark:text-zinc-300">{still.prompt}</p>
        </div>
      </Link>
      <div className="mt-auto flex flex-wrap gap-x-2 px-3 pb-3 text-xs text-zinc-700 dark:text-zinc-300">
        <span>{formatFen(still.costFen)}</span>
        <time dateTime={still.createdAt} title={still.createdAt}>
          {relativeTime(still.createdAt, locale, now, t("gallery.time.justNow"))}
        </time>
      </div>
    </li>
  );
}
