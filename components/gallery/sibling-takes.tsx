"use client";
import { useEffect, useState } from "react";
import { useI18n } from "@/components/i18n/i18n-provider";
import { clipFrameSize } from "@/lib/shared/clip-aspect";
import type { GenerationView } from "@/lib/shared/generation-view";
import { fetchPage } from "./gallery-api";

/** Every sibling's thumbnail is this tall, as wide as its shape makes it. */
const THUMB_HEIGHT = "6rem";

/**
 * The other takes of the clip's submit (GET /api/generations?takeGroup=…), Take 1 first, each a link
 * to its own detail with its poster at its shape; the clip itself is marked as the current one.
 * Nothing is shown for a single take.
 */
export function SiblingTakes({ clip }: { clip: GenerationView }) {
  const { t } = useI18n();
  const [takes, setTakes] = useState<GenerationView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const group = clip.takeGroupId;
  const team = clip.teamId;

  useEffect(() => {
    if (!group) return;
    const ctl = new AbortController();
    const qs = new URLSearchParams({ takeGroup: group, sort: "oldest", limit: "4", ...(team ? { team } : {}) });
    fetchPage(qs.toString(), ctl.signal).then(
      (page) => {
        setTakes(page.items);
        setFailed(false);
      },
      () => !ctl.signal.aborted && setFailed(true),
    );
    return () => ctl.abort();
  }, [group, team]);

  if (!group) return null;
  if (failed) return <p className="text-sm text-red-700 dark:text-red-400">{t("takes.siblings.loadError")}</p>;
  if (!takes || takes.length < 2) return null;
  return (
    <nav aria-labelledby={`siblings-${clip.id}`} className="flex flex-col gap-2" data-testid="sibling-takes">
      <h3 id={`siblings-${clip.id}`} className="text-sm font-semibold">
        {t("takes.siblings.title")}
      </h3>
      <ul className="flex flex-wrap items-end gap-3">
        {takes.map((take, i) => {
          const current = take.id === clip.id;
          const name = current ? t("takes.siblings.current", { n: i + 1 }) : t("takes.group.take", { n: i + 1 });
          const still = take.media.poster?.url ?? take.media.cover?.url;
          const size = clipFrameSize(take);
          return (
            <li key={take.id}>
              <a
                href={`/gallery/${encodeURIComponent(take.id)}`}
                aria-current={current ? "page" : undefined}
                className={`flex flex-col items-center gap-1 rounded-md p-1 text-xs outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${current ? "font-semibold ring-2 ring-indigo-600 dark:ring-indigo-300" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"}`}
                data-testid="sibling-take"
              >
                <span className="block overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800" style={{ height: THUMB_HEIGHT, aspectRatio: `${size.width} / ${size.height}` }}>
                  {/* eslint-disable-next-line @next/next/no-img-element -- our own media route, already small */}
                  {still && <img src={still} alt="" loading="lazy" className="size-full object-cover" />}
                </span>
                {name}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
