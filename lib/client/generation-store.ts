import type { GenerationView } from "@/lib/shared/generation-view";

/** Clips by id; an update never replaces a newer version of the same clip (SSE and polls can race). */
export type ClipMap = ReadonlyMap<string, GenerationView>;

export function mergeClips(current: ClipMap, incoming: readonly GenerationView[]): { next: ClipMap; changed: [GenerationView | undefined, GenerationView][] } {
  let next: Map<string, GenerationView> | null = null;
  const changed: [GenerationView | undefined, GenerationView][] = [];
  for (const view of incoming) {
    const prev = (next ?? current).get(view.id);
    if (prev && Date.parse(prev.updatedAt) > Date.parse(view.updatedAt)) continue;
    if (prev && prev.updatedAt === view.updatedAt && prev.status === view.status && prev.progress === view.progress) continue;
    next ??= new Map(current);
    next.set(view.id, view);
    changed.push([prev, view]);
  }
  return { next: next ?? current, changed };
}

/** Newest first. */
export function sortedClips(map: ClipMap): GenerationView[] {
  return [...map.values()].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.id < b.id ? 1 : -1));
}
