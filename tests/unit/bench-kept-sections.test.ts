import { describe, expect, it } from "vitest";
import { keptSections, targetedHeading, upsertTargeted, withKeptSections } from "@/bench/harness/kept-sections";

// bench/results.md: a targeted run replaces only its own section; a full run keeps T1 and the targeted sections.

const doc = [
  "# Benchmarks",
  "",
  "## Summary",
  "| P1 | … |",
  "",
  "## Where the time went",
  "steps",
  "",
  "## T1 test-suite wall time",
  "t1 text",
  "",
].join("\n");

describe("results.md sections", () => {
  it("a targeted run's section goes before 'Where the time went' the first time and replaces itself after", () => {
    const first = upsertTargeted(doc, ["S1", "S2"], `${targetedHeading(["S1", "S2"])}, day 1)\n\n| S1 | 0.20× |`);
    expect(first.indexOf("## S1 / S2 (targeted run, day 1)")).toBeGreaterThan(first.indexOf("## Summary"));
    expect(first.indexOf("## S1 / S2 (targeted run, day 1)")).toBeLessThan(first.indexOf("## Where the time went"));
    const second = upsertTargeted(first, ["S1", "S2"], `${targetedHeading(["S1", "S2"])}, day 2)\n\n| S1 | 0.18× |`);
    expect(second).not.toContain("day 1");
    expect(second).toContain("| S1 | 0.18× |\n\n## Where the time went");
    expect(second.match(/targeted run/g)).toHaveLength(1);
    // Another set of ids is a section of its own; everything else is untouched.
    const third = upsertTargeted(second, ["F2"], `${targetedHeading(["F2"])}, day 2)\n\n| F2 |`);
    expect(third).toContain("day 2)\n\n| S1 | 0.18× |");
    expect(third).toContain("## T1 test-suite wall time\nt1 text");
    expect(third.startsWith("# Benchmarks\n\n## Summary\n| P1 | … |")).toBe(true);
  });

  it("a full run keeps T1 and the targeted sections, T1 last, and drops what it rewrites", () => {
    const withTargeted = upsertTargeted(doc, ["S1"], `${targetedHeading(["S1"])}, day 1)\n\nrows`);
    const kept = keptSections(withTargeted);
    expect(kept.map((s) => s.split("\n")[1])).toEqual(["## S1 (targeted run, day 1)", "## T1 test-suite wall time"]);
    const full = withKeptSections("# Benchmarks\n\n## Summary\nnew\n\n## Where the time went\nnew steps\n", kept);
    expect(full).toBe("# Benchmarks\n\n## Summary\nnew\n\n## Where the time went\nnew steps\n\n## S1 (targeted run, day 1)\n\nrows\n\n## T1 test-suite wall time\nt1 text\n");
    expect(keptSections("# Benchmarks\n\n## Summary\nx\n")).toEqual([]);
  });
});
