import { notFound } from "next/navigation";
import { ClipDetailPage } from "@/components/gallery/clip-detail-page";
import { getActor } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/server/errors";
import { galleryViewFor } from "@/lib/server/gallery/annotate-generations";
import { getT } from "@/lib/server/i18n";
import { accessOf } from "@/lib/server/permissions";
import { isId } from "@/lib/shared/ids";

// /gallery/:id — a clip's own page (bookmarks, reloads and new tabs; the grid shows the same
// detail in a modal). Unknown, deleted and foreign ids read the same "not found", with status 404
// (app/not-found.tsx), so a bookmark to a deleted clip is not a 200 that crawlers and checks keep.
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
  if (!view) notFound();
  return (
    <section aria-labelledby="detail-title" className="flex flex-col gap-4">
      <a href="/gallery" className="self-start text-sm font-semibold text-indigo-800 underline dark:text-indigo-300">
        ← {t("gallery.detail.back")}
      </a>
      <ClipDetailPage initial={view} />
    </section>
  );
}
