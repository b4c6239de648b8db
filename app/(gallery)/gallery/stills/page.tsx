import { GalleryTabs } from "@/components/gallery/gallery-tabs";
import { StillsGallery } from "@/components/gallery/stills-gallery";
import { PageSection } from "@/components/ui/page-section";
import { getT } from "@/lib/server/i18n";

// /gallery/stills — the workspace's stills (a static segment: it wins over /gallery/[id]).
export default async function GalleryStillsPage() {
  const { t } = await getT();
  return (
    <PageSection id="stills" title={t("gallery.stills.title")} intro={t("gallery.stills.intro")}>
      <GalleryTabs current="stills" />
      <StillsGallery />
    </PageSection>
  );
}
