import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ctx, getRequest, setupStudio, submitRequest, type Studio, type StudioUser } from "./generations-api-support";

// Fuzzing (SQLite): generated requests against the studio routes → never a 5xx, always the JSON error body.
describe("studio routes under generated input", () => {
  let s: Studio;
  let alice: StudioUser;

  beforeAll(async () => {
    s = await setupStudio("sqlite");
    alice = await s.user("fuzz@x.test");
  });
  afterAll(async () => s?.drop());

  const field = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }));
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        mode: fc.constantFrom("text", "image", "start-end", "video", ""),
        prompt: fc.oneof(fc.string({ maxLength: 600 }), fc.integer()),
        style: field,
        aspectRatio: fc.constantFrom("16:9", "9:16", "1:1", "4:3"),
        movementAmplitude: field,
        withAudio: field,
        uploadId: field,
        uploadIds: field,
      },
      { requiredKeys: ["mode"] },
    ),
  );
  const key = fc.oneof(fc.constant(null), fc.string({ maxLength: 140 }), fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/));

  async function expectJsonError(res: Response, label: string): Promise<void> {
    expect(res.status, label).toBeLessThan(500);
    if (res.status >= 400) expect((await res.json()).error.code, label).toBeTruthy();
    else await res.body?.cancel();
  }

  it("POST /api/generations", async () => {
    await fc.assert(
      fc.asyncProperty(body, key, async (b, k) => {
        const res = await s.routes.generations.POST(submitRequest(alice, JSON.stringify(b), k));
        await expectJsonError(res, JSON.stringify([b, k]));
      }),
      { numRuns: 300 },
    );
  });

  it("GET /api/generations query strings and path ids of every :id route", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), fc.string({ maxLength: 200 }), async (limit, cursor, id) => {
        const q = `?limit=${encodeURIComponent(limit)}&cursor=${encodeURIComponent(cursor)}`;
        await expectJsonError(await s.routes.generations.GET(getRequest(alice, `/api/generations${q}`)), q);
        await expectJsonError(await s.routes.generation.GET(getRequest(alice, "/api/generations/x"), ctx({ id })), id);
        await expectJsonError(await s.routes.cancel.POST(submitRequest(alice, undefined, null), ctx({ id })), id);
        await expectJsonError(await s.routes.retry.POST(submitRequest(alice, undefined, "fuzz-key-0001"), ctx({ id })), id);
        await expectJsonError(await s.routes.media.GET(getRequest(alice, "/api/media/x/y"), ctx({ generationId: id, file: cursor })), id);
        await expectJsonError(await s.routes.upload.GET(getRequest(alice, "/api/uploads/x"), ctx({ id })), id);
      }),
      { numRuns: 150 },
    );
  });
});
