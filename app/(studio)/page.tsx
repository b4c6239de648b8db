import { StudioView } from "@/components/studio/studio-view";
import { getActor } from "@/lib/server/auth/session";
import { priceTable } from "@/lib/server/budgets/price";
import { getT } from "@/lib/server/i18n";

export default async function StudioPage() {
  const { t } = await getT();
  const actor = await getActor();
  return (
    <section aria-labelledby="studio-title" className="flex flex-col gap-6">
      <header className="flex flex-col gap-1">
        <h1 id="studio-title" className="text-2xl font-semibold">
          {t("studio.title")}
        </h1>
        <p className="text-zinc-700 dark:text-zinc-300">{t("studio.intro")}</p>
      </header>
      <StudioView prices={priceTable()} isAdmin={actor?.role === "ADMIN"} />
    </section>
  );
}
