import { notFound } from "next/navigation";
import { StoryboardView } from "@/components/films/storyboard-view";
import { isId } from "@/lib/shared/ids";

// /films/:filmId — the storyboard. The film is loaded in the browser (GET /api/films/:id, which
// authorizes it), so every change answer can replace it in place.
export default async function FilmPage({ params }: { params: Promise<{ filmId: string }> }) {
  const { filmId } = await params;
  if (!isId(filmId)) notFound();
  return <StoryboardView filmId={filmId} />;
}
