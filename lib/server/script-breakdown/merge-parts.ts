import "server-only";
import { DRAFT_MAX_SHOTS, type DraftShot, type RepairKind, type RepairNote } from "@/lib/shared/script-breakdown";

// The parts of a split script's breakdown → one draft: their shots in part order, each shot a part
// answered without a heading continuing the scene before it (a part may begin mid-scene), what was
// repaired summed over the parts, and the whole held to DRAFT_MAX_SHOTS — the shots beyond it left
// out and said (repair too_many_shots), never silently.

export type PartOutcome =
  | { kind: "pending" }
  | { kind: "done"; shots: DraftShot[]; repairs: RepairNote[] }
  | { kind: "failed"; reason: "invalid" | "unsafe" | "unconfirmed" | "failed"; code?: string; costFen: number };

export function mergeParts(outcomes: readonly PartOutcome[]): { shots: DraftShot[]; repairs: RepairNote[] } {
  const counts = new Map<RepairKind, number>();
  const add = (kind: RepairKind, n: number) => n > 0 && counts.set(kind, (counts.get(kind) ?? 0) + n);
  const shots: DraftShot[] = [];
  for (const outcome of outcomes) {
    if (outcome.kind !== "done") continue;
    for (const note of outcome.repairs) add(note.kind, note.count);
    let lead = shots.length > 0;
    for (const shot of outcome.shots) {
      // Only the shots before the part's own first heading take the scene in progress.
      if (shot.scene !== null) lead = false;
      shots.push(lead ? { ...shot, scene: shots.at(-1)!.scene } : shot);
    }
  }
  add("too_many_shots", shots.length - DRAFT_MAX_SHOTS);
  return { shots: shots.slice(0, DRAFT_MAX_SHOTS), repairs: [...counts].map(([kind, count]) => ({ kind, count })) };
}
