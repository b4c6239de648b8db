// SERVER_TIMING=1 (the bench's P1 breakdown): route answers carry a Server-Timing header naming where
// the request's time went (lib/server/spans.ts); off, the default, they carry none.
import { afterEach, describe, expect, it } from "vitest";
import { setupStudio, type Studio, submitRequest } from "./generations-api-support";

const TEXT = { mode: "text", prompt: "A lantern festival over a river", style: "general", aspectRatio: "16:9", movementAmplitude: "auto" };

function spansOf(header: string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of (header ?? "").split(",").filter(Boolean)) {
    const [name, dur] = part.trim().split(";dur=");
    if (name) out.set(name, Number(dur));
  }
  return out;
}

describe("Server-Timing", () => {
  let s: Studio | undefined;
  afterEach(async () => {
    await s?.drop();
    s = undefined;
  });

  it("names every step of a submit when SERVER_TIMING is on", async () => {
    s = await setupStudio("sqlite", { SERVER_TIMING: "1" });
    const user = await s.user("timing@x.test");
    const res = await s.routes.generations.POST(submitRequest(user, TEXT, "timing-key-1", { "x-framehouse-received-at": String(Date.now()) }));
    expect(res.status).toBe(202);
    const spans = spansOf(res.headers.get("server-timing"));
    for (const name of ["pre", "route", "session", "access", "body", "handler", "create", "replay", "limits", "tx.wait", "tx.budgetLock", "tx.budgetCheck", "tx.hold", "tx.enqueue", "tx.work", "tx.commit", "view"]) {
      expect(spans.get(name), name).toBeGreaterThanOrEqual(0);
    }
    // Nested spans sit inside their parents.
    expect(spans.get("route")).toBeGreaterThanOrEqual(spans.get("handler") ?? Infinity);
    expect(spans.get("handler")).toBeGreaterThanOrEqual(spans.get("create") ?? Infinity);
    // A refusal carries it too (the time of a 4xx is part of the picture).
    const refused = await s.routes.generations.POST(submitRequest(user, { ...TEXT, prompt: "" }, "timing-key-2"));
    expect(refused.status).toBe(422);
    expect(spansOf(refused.headers.get("server-timing")).has("route")).toBe(true);
  });

  it("adds no header when SERVER_TIMING is off", async () => {
    s = await setupStudio("sqlite", { SERVER_TIMING: "0" });
    const user = await s.user("no-timing@x.test");
    const res = await s.routes.generations.POST(submitRequest(user, TEXT, "timing-key-3"));
    expect(res.status).toBe(202);
    expect(res.headers.get("server-timing")).toBeNull();
  });
});
