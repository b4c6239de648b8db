"use client";
import Link from "next/link";
import { useI18n } from "@/components/i18n/i18n-provider";

// Clips | Stills: two pages of the gallery, as links (each view has its own URL, Back works).
export function GalleryTabs({ current }: { current: "clips" | "stills" }) {
  const { t } = useI18n();
  const tab = (id: "clips" | "stills", href: string) => (
    <Link
      href={href}
      aria-current={current === id ? "page" : undefined}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${current === id ? "bg-indigo-700 text-white dark:bg-indigo-300 dark:text-zinc-950" : "text-zinc-800 underline-offset-4 hover:underline dark:text-zinc-200"}`}
    >
      {t(id === "clips" ? "gallery.tabs.clips" : "gallery.tabs.stills")}
    </Link>
  );
  return (
    <nav aria-label={t("gallery.tabs")} className="flex gap-2">
      {tab("clips", "/gallery")}
      {tab("stills", "/gallery/stills")}
    </nav>
  );
}
