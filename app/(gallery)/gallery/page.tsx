import { getT } from "@/lib/server/i18n";

export default async function GalleryPage() {
  const { t } = await getT();
  return (
    <section aria-labelledby="gallery-title" className="flex flex-col gap-2">
      <h1 id="gallery-title" className="text-2xl font-semibold">
        {t("gallery.title")}
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">{t("gallery.empty")}</p>
    </section>
  );
}
