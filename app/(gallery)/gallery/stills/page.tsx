import { GalleryTabs } from "@/components/gallery/gallery-tabs";
import { StillsGallery } from "@/components/gallery/stills-gallery";
import { getT } from "@/lib/server/i18n";

// /gallery/stills — the workspace's stills (a static segment: it wins over /gallery/[id]).
export default async function GalleryStillsPage() {
  const { t } = await getT();
  return (
    <section aria-labelledby="stills-title" className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 id="stills-title" className="text-2xl font-semibold">
          {t("gallery.stills.title")}
        </h1>
        <p className="text-zinc-700 dark:text-zinc-300">{t("gallery.stills.intro")}</p>
      </header>
      <GalleryTabs current="stills" />
      <StillsGallery />
    </section>
  );
}
