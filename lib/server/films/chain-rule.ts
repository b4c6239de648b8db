import "server-only";
import { AppError } from "../errors";
import { isChained, type ShotRow } from "./shot-columns";

// "Reordering never breaks a chain silently": a shot that starts from the previous shot's last frame
// and already has takes was made from a particular predecessor. A change of order (a move, an
// insertion before it, the deletion of its predecessor) that gives it another predecessor is refused
// with a coded error naming those shots, unless the request says `retarget` — then it goes through
// and the shot's takes show as out of date (the shot life-cycle derives it), never regenerated.

type Ordered = Pick<ShotRow, "id" | "startKind">;

/** Chained shots with takes whose predecessor differs between the two orders. */
function brokenChains(before: readonly Ordered[], after: readonly Ordered[], withTakes: ReadonlySet<string>): { id: string; number: number }[] {
  const prevBefore = new Map(before.map((s, i) => [s.id, before[i - 1]?.id ?? null]));
  return after.flatMap((s, i) => {
    if (!isChained(s) || !withTakes.has(s.id) || !prevBefore.has(s.id)) return [];
    return prevBefore.get(s.id) === (after[i - 1]?.id ?? null) ? [] : [{ id: s.id, number: i + 1 }];
  });
}

export function assertChainsKept(before: readonly Ordered[], after: readonly Ordered[], withTakes: ReadonlySet<string>, retarget: boolean): void {
  if (retarget) return;
  const broken = brokenChains(before, after, withTakes);
  if (broken.length === 0) return;
  throw new AppError("film_chain_broken", {
    vars: { shots: broken.map((b) => b.number).join(", ") },
    fields: broken.map((b) => ({ path: `shots.${b.id}`, key: "errors.field.shot_chain" as const })),
  });
}
