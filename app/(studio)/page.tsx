import { StudioView } from "@/components/studio/studio-view";
import { PageSection } from "@/components/ui/page-section";
import { getActor } from "@/lib/server/auth/session";
import { priceTable } from "@/lib/server/budgets/price";
import { getT } from "@/lib/server/i18n";

export default async function StudioPage() {
  const { t } = await getT();
  const actor = await getActor();
  return (
    <PageSection id="studio" title={t("studio.title")} intro={t("studio.intro")} className="gap-6">
      <StudioView prices={priceTable()} isAdmin={actor?.role === "ADMIN"} />
    </PageSection>
  );
}
