import { ReferenceLibrary } from "@/components/films/reference-library";
import { PageSection } from "@/components/ui/page-section";
import { getT } from "@/lib/server/i18n";

// /films/library — the workspace's characters and products (loaded in the browser from /api/references, which authorizes).
export default async function LibraryPage() {
  const { t } = await getT();
  return (
    <PageSection id="library" title={t("films.library.title")} intro={t("films.library.intro")}>
      <ReferenceLibrary />
    </PageSection>
  );
}
