import type { GenerationView } from "@/lib/shared/generation-view";

// The studio's list in entries: a clip alone, or the takes of one several-takes submit together
// (GenerationView.takeGroupId), placed where the group's newest take is in the newest-first list.
// A group with one take left in the list (the others deleted or not loaded yet) reads as a clip.

export type ClipEntry = { kind: "clip"; clip: GenerationView } | { kind: "group"; id: string; takes: GenerationView[] };

/** Takes in the order they were made (Take 1 first). */
const madeOrder = (a: GenerationView, b: GenerationView) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);

export function groupTakes(clips: readonly GenerationView[]): ClipEntry[] {
  const members = new Map<string, GenerationView[]>();
  for (const c of clips) if (c.takeGroupId) members.set(c.takeGroupId, [...(members.get(c.takeGroupId) ?? []), c]);
  const placed = new Set<string>();
  const out: ClipEntry[] = [];
  for (const c of clips) {
    const takes = c.takeGroupId ? members.get(c.takeGroupId) : undefined;
    if (!c.takeGroupId || !takes || takes.length < 2) {
      out.push({ kind: "clip", clip: c });
    } else if (!placed.has(c.takeGroupId)) {
      placed.add(c.takeGroupId);
      out.push({ kind: "group", id: c.takeGroupId, takes: [...takes].sort(madeOrder) });
    }
  }
  return out;
}
