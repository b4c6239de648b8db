import { Suspense } from "react";
import { GalleryTabs } from "@/components/gallery/gallery-tabs";
import { GalleryView } from "@/components/gallery/gallery-view";
import { PageSection } from "@/components/ui/page-section";
import { getT } from "@/lib/server/i18n";

export default async function GalleryPage() {
  const { t } = await getT();
  return (
    <PageSection id="gallery" title={t("gallery.title")} intro={t("gallery.intro")}>
      <GalleryTabs current="clips" />
      {/* useSearchParams (filters in the URL) needs a Suspense boundary in a prerendered page. */}
      <Suspense fallback={<p>{t("gallery.loading")}</p>}>
        <GalleryView />
      </Suspense>
    </PageSection>
  );
}
