import { ClipDetailPage } from "@/components/gallery/clip-detail-page";
import { getActor } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { galleryViewFor } from "@/lib/server/gallery/annotate-generations";
import { getT } from "@/lib/server/i18n";
import { accessOf } from "@/lib/server/permissions";
import { isId } from "@/lib/shared/ids";

// /gallery/:id — a clip's own page (bookmarks, reloads and new tabs; the grid shows the same
// detail in a modal). Unknown, deleted and foreign ids read the same "not found".
export default async function ClipPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { t } = await getT();
  const actor = await getActor();
  const view =
    actor && isId(id)
      ? await galleryViewFor(db(), await accessOf(db(), actor), id).catch((e: unknown) => {
          if (e instanceof AppError && e.code === "not_found") return null;
          throw e;
        })
      : null;
  return (
    <section aria-labelledby="detail-title" className="flex flex-col gap-4">
      <a href="/gallery" className="self-start text-sm font-semibold text-indigo-800 underline dark:text-indigo-300">
        ← {t("gallery.detail.back")}
      </a>
      {view ? (
        <ClipDetailPage initial={view} />
      ) : (
        <>
          <h1 id="detail-title" className="text-2xl font-semibold">
            {t("gallery.detail.title")}
          </h1>
          <p data-testid="detail-not-found">{t("gallery.detail.notFound")}</p>
        </>
      )}
    </section>
  );
}
