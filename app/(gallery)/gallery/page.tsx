import { Suspense } from "react";
import { GalleryTabs } from "@/components/gallery/gallery-tabs";
import { GalleryView } from "@/components/gallery/gallery-view";
import { getT } from "@/lib/server/i18n";

export default async function GalleryPage() {
  const { t } = await getT();
  return (
    <section aria-labelledby="gallery-title" className="flex flex-col gap-4">
      <header className="flex flex-col gap-1">
        <h1 id="gallery-title" className="text-2xl font-semibold">
          {t("gallery.title")}
        </h1>
        <p className="text-zinc-700 dark:text-zinc-300">{t("gallery.intro")}</p>
      </header>
      <GalleryTabs current="clips" />
      {/* useSearchParams (filters in the URL) needs a Suspense boundary in a prerendered page. */}
      <Suspense fallback={<p>{t("gallery.loading")}</p>}>
        <GalleryView />
      </Suspense>
    </section>
  );
}
