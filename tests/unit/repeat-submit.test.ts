import { describe, expect, it } from "vitest";
import { RecentSubmit, SAME_GESTURE_MS } from "@/lib/client/repeat-submit";
import { REPEAT_WINDOW_MS } from "@/lib/shared/generation-schemas";

describe("RecentSubmit", () => {
  const body = { mode: "text", prompt: "fox" };

  it("a first submission is new; the same one within a gesture reuses the key; later in the window it is a repeat; after it, new", () => {
    const r = new RecentSubmit();
    expect(r.judge(body, 0)).toEqual({ kind: "new" });
    r.remember(body, "key-1", 1_000);
    expect(r.judge({ ...body }, 1_000 + SAME_GESTURE_MS - 1)).toEqual({ kind: "same-gesture", key: "key-1" });
    expect(r.judge(body, 1_000 + SAME_GESTURE_MS)).toEqual({ kind: "repeat", ageMs: SAME_GESTURE_MS });
    expect(r.judge(body, 1_000 + REPEAT_WINDOW_MS - 1)).toMatchObject({ kind: "repeat" });
    expect(r.judge(body, 1_000 + REPEAT_WINDOW_MS)).toEqual({ kind: "new" });
  });

  it("a changed submission is new", () => {
    const r = new RecentSubmit();
    r.remember(body, "key-1", 0);
    expect(r.judge({ ...body, prompt: "owl" }, 100)).toEqual({ kind: "new" });
  });
});
