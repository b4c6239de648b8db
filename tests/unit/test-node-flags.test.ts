import { describe, expect, it } from "vitest";
import { TEST_NODE_FLAGS } from "@/tests/support/test-node-flags";

// The tests' V8 flags reach vitest's forks: a project of vitest.config.ts takes `execArgv` from its own
// block (set at the top level, it reached no fork).
describe("the tests' Node processes", () => {
  it("run this file with the tests' V8 flags", () => {
    expect(TEST_NODE_FLAGS).toEqual(process.env.TEST_V8_DEFAULT_TIERING === "1" ? [] : ["--liftoff-only"]);
    expect(process.execArgv).toEqual(expect.arrayContaining([...TEST_NODE_FLAGS]));
  });
});
