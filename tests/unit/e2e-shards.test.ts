import { describe, expect, it } from "vitest";
import { measuredWeights, planShards } from "@/scripts/lib/e2e-shards.mjs";

describe("e2e shards: split by measured time", () => {
  it("puts the heaviest files on different shards and evens out the totals", () => {
    const weights = { "a.spec.ts": 100, "b.spec.ts": 90, "c.spec.ts": 60, "d.spec.ts": 40, "e.spec.ts": 10 };
    const plan = planShards(Object.keys(weights), weights, 2);
    expect(plan.map((s) => s.seconds)).toEqual([150, 150]);
    expect(plan.map((s) => s.files)).toEqual([
      ["a.spec.ts", "d.spec.ts", "e.spec.ts"],
      ["b.spec.ts", "c.spec.ts"],
    ]);
    // Every file exactly once.
    expect(plan.flatMap((s) => s.files).sort()).toEqual(Object.keys(weights));
  });

  it("counts a file without a measured time as the median, and the plan does not depend on the input order", () => {
    const weights = { "a.spec.ts": 10, "b.spec.ts": 20, "c.spec.ts": 30 };
    const files = ["new.spec.ts", "c.spec.ts", "a.spec.ts", "b.spec.ts"];
    const plan = planShards(files, weights, 2);
    expect(plan.reduce((sum, s) => sum + s.seconds, 0)).toBe(80); // 10 + 20 + 30 + the median 20
    expect(planShards([...files].reverse(), weights, 2)).toEqual(plan);
  });

  it("never plans an empty shard: fewer files than shards gives fewer shards", () => {
    expect(planShards(["a.spec.ts"], {}, 3)).toEqual([{ files: ["a.spec.ts"], seconds: 1 }]);
  });

  it("reads seconds per spec file from Playwright JSON reports, nested suites and retries included", () => {
    const report = {
      suites: [
        {
          file: "films.spec.ts",
          specs: [{ file: "films.spec.ts", tests: [{ results: [{ duration: 1500 }, { duration: 500 }] }] }],
          suites: [{ title: "inner", specs: [{ tests: [{ results: [{ duration: 250 }] }] }] }],
        },
      ],
    };
    const other = { suites: [{ file: "auth.spec.ts", specs: [{ file: "auth.spec.ts", tests: [{ results: [{ duration: 1040 }] }] }] }] };
    expect(measuredWeights([report, other])).toEqual({ "auth.spec.ts": 1, "films.spec.ts": 2.3 });
  });

  it("gives a file found in several runs' reports the mean of its runs", () => {
    const run = (ms: number) => ({ suites: [{ file: "teams.spec.ts", specs: [{ file: "teams.spec.ts", tests: [{ results: [{ duration: ms }] }] }] }] });
    expect(measuredWeights([run(100_000), run(80_000), run(120_000)])).toEqual({ "teams.spec.ts": 100 });
  });
});
