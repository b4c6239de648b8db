import { describe, expect, it } from "vitest";
import { translate } from "@/lib/i18n/translate";
import { shotProblems } from "@/lib/shared/film/film-schemas";
import { BLOCK_REASONS, blockReasonOf, reviewTransitionAllowed, type ShotFacts, SHOT_STATUSES, shotStatusOf, type TakeFacts } from "@/lib/shared/film/shot-lifecycle";

// The shot life-cycle: one table derives a shot's status from its takes, its review and, when it is
// chained, the previous shot's chosen take. Each status is reached by the facts that define it, in
// the documented order of precedence, and every status and block reason has both messages.

const take = (id: string, status: TakeFacts["status"], extra: Partial<TakeFacts> = {}): TakeFacts => ({ id, status, deleted: false, errorCode: null, sourceTakeId: null, ...extra });
const facts = (f: Partial<ShotFacts>): ShotFacts => ({ takes: [], chosenTakeId: null, review: { state: "NONE", takeId: null }, chain: null, ...f });

describe("shot life-cycle", () => {
  it("derives every status from the facts that define it", () => {
    expect(shotStatusOf(facts({}))).toBe("no_take");
    expect(shotStatusOf(facts({ takes: [take("a", "PROCESSING")] }))).toBe("generating");
    expect(shotStatusOf(facts({ takes: [take("a", "STORED")], chosenTakeId: "a" }))).toBe("ready");
    expect(shotStatusOf(facts({ takes: [take("a", "STORED")], chosenTakeId: "a", review: { state: "APPROVED", takeId: "a" } }))).toBe("approved");
    expect(shotStatusOf(facts({ takes: [take("a", "STORED")], chosenTakeId: "a", review: { state: "SENT_BACK", takeId: "a" } }))).toBe("sent_back");
    const chained = (prev: string, used: string | null) =>
      facts({ takes: [take("b", "STORED", { sourceTakeId: used })], chosenTakeId: "b", chain: { previous: { chosen: { id: prev, status: "STORED", deleted: false } } } });
    expect(shotStatusOf(chained("p1", "p1"))).toBe("ready");
    expect(shotStatusOf(chained("p2", "p1"))).toBe("out_of_date");
    expect(shotStatusOf(facts({ chain: { previous: null } }))).toBe("blocked");
  });

  it("a review counts only for the take it was about", () => {
    const f = facts({ takes: [take("a", "STORED"), take("b", "STORED")], chosenTakeId: "b", review: { state: "APPROVED", takeId: "a" } });
    expect(shotStatusOf(f)).toBe("ready");
  });

  it("approval wins over new takes being made; a new take wins over an old sending-back", () => {
    const approved = facts({ takes: [take("a", "STORED"), take("b", "QUEUED")], chosenTakeId: "a", review: { state: "APPROVED", takeId: "a" } });
    expect(shotStatusOf(approved)).toBe("approved");
    const sentBack = facts({ takes: [take("a", "STORED"), take("b", "QUEUED")], chosenTakeId: "a", review: { state: "SENT_BACK", takeId: "a" } });
    expect(shotStatusOf(sentBack)).toBe("generating");
  });

  it("names why a chain is blocked", () => {
    const chain = (chosen: NonNullable<NonNullable<ShotFacts["chain"]>["previous"]>["chosen"]) => facts({ chain: { previous: { chosen } } });
    expect(blockReasonOf(facts({ chain: { previous: null } }))).toBe("first_shot");
    expect(blockReasonOf(chain(null))).toBe("previous_no_take");
    expect(blockReasonOf(chain({ id: "p", status: "STORED", deleted: true }))).toBe("source_deleted");
    expect(blockReasonOf(chain({ id: "p", status: "REJECTED", deleted: false }))).toBe("source_failed");
    expect(blockReasonOf(chain({ id: "p", status: "PROCESSING", deleted: false }))).toBeNull();
    const failed = facts({ takes: [take("b", "FAILED", { errorCode: "dependency_failed" })], chain: { previous: { chosen: { id: "p", status: "STORED", deleted: false } } } });
    expect(blockReasonOf(failed)).toBe("dependency_failed");
    expect(blockReasonOf(facts({}))).toBeNull();
  });

  it("review transitions: no repeated decision", () => {
    expect(reviewTransitionAllowed("NONE", "APPROVED")).toBe(true);
    expect(reviewTransitionAllowed("APPROVED", "APPROVED")).toBe(false);
    expect(reviewTransitionAllowed("APPROVED", "SENT_BACK")).toBe(true);
    expect(reviewTransitionAllowed("SENT_BACK", "SENT_BACK")).toBe(false);
  });

  it("every status and block reason has an English and a Chinese message", () => {
    for (const s of SHOT_STATUSES) for (const l of ["en", "zh-CN"] as const) expect(translate(l, `film.shotStatus.${s}`)).not.toMatch(/^film\./);
    for (const r of BLOCK_REASONS) for (const l of ["en", "zh-CN"] as const) expect(translate(l, `film.block.${r}`)).not.toMatch(/^film\./);
  });

  it("shot rules tie the fields together", () => {
    const base = { mode: "text" as const, prompt: "x", start: null, end: null, trimIn: 0, trimOut: null, transition: { kind: "cut" as const, frames: 0 } };
    expect(shotProblems(base)).toEqual([]);
    expect(shotProblems({ ...base, start: { kind: "previous" } }).map(([p]) => p)).toEqual(["start"]);
    expect(shotProblems({ ...base, mode: "start-end", end: { kind: "previous" } }).map(([p]) => p)).toEqual(["end"]);
    expect(shotProblems({ ...base, trimIn: 60, trimOut: 60 }).map(([p]) => p)).toEqual(["trimOut"]);
    expect(shotProblems({ ...base, transition: { kind: "crossfade", frames: 0 } }).map(([p]) => p)).toEqual(["transition.frames"]);
    expect(shotProblems({ ...base, transition: { kind: "cut", frames: 5 } }).map(([p]) => p)).toEqual(["transition.frames"]);
  });
});
