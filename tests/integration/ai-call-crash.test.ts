import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFilm } from "@/lib/server/films/films";
import { addShot } from "@/lib/server/films/shots";
import { speakShot } from "@/lib/server/films/shot-voice";
import type { CrashLabel } from "@/lib/server/jobs/crash-point";
import type { Access } from "@/lib/server/permissions";
import { requestPromptHelp } from "@/lib/server/prompt-help/prompt-help";
import { createLocalStorage } from "@/lib/server/storage";
import { voiceKey } from "@/lib/server/storage/keys";
import { makeStills } from "@/lib/server/stills/shot-stills";
import { stillKey } from "@/lib/server/ai-calls/still-store";
import { createShotSchema } from "@/lib/shared/film/film-schemas";
import { providers } from "@/tests/support/test-db";
import { waitFor } from "@/tests/support/wait-for";
import { seedUser, startHarness, type Harness } from "@/tests/support/worker-harness";
import { spawnWorker, stopWorker, type WorkerChild } from "@/tests/support/worker-process";

// kill -9 for every platform call (chat, still, speech), as docs/reliability.md "Platform calls"
// promises: a real worker process SIGKILLs itself at a crash point of one call (CRASH_AT narrowed to
// that call by CRASH_SUBJECT), then a fresh worker resumes. One CHAT (prompt help), one STILL and
// one SPEECH call are queued through their own services each time; the others are the controls.
// Afterwards, from the simulator's request counts and the ledger: no call was sent twice, each call
// has exactly one HOLD and CHARGE + REFUND never exceed it, a call that ended FAILED(unconfirmed)
// kept its whole hold, a call that was answered is DONE and settled, and every call has ended.
// Every wait is a condition with a deadline, never a fixed sleep.

const SPEED = 200;
const ENDS = 120_000;
const KILL_MS = 120_000;

type Kind = "CHAT" | "STILL" | "SPEECH";
type Outcome = "unconfirmed" | "done";

/** [crash point, the call killed there, how that call ends, how many requests its endpoint saw]. */
const POINTS: [CrashLabel, Kind, Outcome, number][] = [
  // Killed after the SENDING mark, before the request: as far as the worker can know it may have gone
  // out, so it is never re-sent and keeps its hold (the point is before the request: nothing was sent).
  ["call.beforeSend", "CHAT", "unconfirmed", 0],
  ["call.beforeSend", "STILL", "unconfirmed", 0],
  ["call.beforeSend", "SPEECH", "unconfirmed", 0],
  // Answered, not settled: a chat's and a still's answer (a link) were not stored, so the hold is kept;
  // speech stored its WAV before this point, so it settles from the stored file.
  ["call.afterAnswer", "CHAT", "unconfirmed", 1],
  ["call.afterAnswer", "STILL", "unconfirmed", 1],
  ["call.afterAnswer", "SPEECH", "done", 1],
  // A still settled and its image stored, its upload row not yet written: the store step re-runs.
  ["still.afterStore", "STILL", "done", 1],
];

const REQUESTS: Record<Kind, "chat" | "images" | "speech"> = { CHAT: "chat", STILL: "images", SPEECH: "speech" };

describe.each(providers())("platform calls across kill -9 on %s", (provider) => {
  let h: Harness;
  let access: Access;
  let running: WorkerChild | undefined;

  beforeEach(async () => {
    h = await startHarness({ speed: SPEED, concurrency: 5 }, provider);
    const id = await seedUser(h.db);
    access = { actor: { id, email: "call-crash@example.test", name: null, role: "USER", locale: null, sessionVersion: 0, sessionId: "no-session" }, roles: new Map() };
  });
  afterEach(async () => {
    if (running) await stopWorker(running);
    running = undefined;
    await h?.close();
  });

  const dataDir = () => path.join(h.dir, "data");
  const mediaRoot = () => path.join(dataDir(), "media");
  const spawnFor = (extraEnv?: Record<string, string>) =>
    spawnWorker({ databaseUrl: h.testDb.url, dataDir: dataDir(), sim: h.sim, timeScale: SPEED, ...(extraEnv ? { extraEnv } : {}) });
  const stored = (key: string) => fs.existsSync(path.join(mediaRoot(), ...key.split("/")));

  /**
   * One call of each kind, queued through its own service (prompt help, a shot's still, a shot's
   * voice), and a prompt help the simulator refuses (1301): the ids of the three, and of the refused one.
   */
  async function queueCalls(): Promise<Record<Kind | "REFUSED", string>> {
    const film = await createFilm(h.db, access, { kind: "personal" }, { title: "Calls across kill -9", aspect: "16:9", style: "general" }, "127.0.0.1");
    const view = await addShot(h.db, access, film.id, createShotSchema.parse({ mode: "text", prompt: "A lighthouse at dusk, waves below", caption: "The tide is coming in." }), "127.0.0.1");
    const shotId = view.shots[0]!.id;
    const chat = await requestPromptHelp(h.db, access, randomUUID(), { action: "expand", text: "a lighthouse at dusk" }, { waitMs: 0 });
    const refused = await requestPromptHelp(h.db, access, randomUUID(), { action: "expand", text: "UNSAFE idea" }, { waitMs: 0 });
    await makeStills(h.db, access, shotId, { count: 1 }, randomUUID(), "127.0.0.1");
    await speakShot(h.db, createLocalStorage(mediaRoot()), access, shotId, randomUUID(), {});
    const byKind = async (kind: Kind) => (await h.db.aiCall.findFirstOrThrow({ where: { kind } })).id;
    expect(await h.db.aiCall.count()).toBe(4);
    return { CHAT: chat.id, REFUSED: refused.id, STILL: await byKind("STILL"), SPEECH: await byKind("SPEECH") };
  }

  async function ledgerOf(callId: string): Promise<Record<"HOLD" | "CHARGE" | "REFUND", { n: number; fen: number }>> {
    const rows = await h.db.ledgerEntry.findMany({ where: { callId } });
    const of = (kind: string) => {
      const these = rows.filter((r) => r.kind === kind);
      return { n: these.length, fen: these.reduce((s, r) => s + r.amountFen, 0) };
    };
    return { HOLD: of("HOLD"), CHARGE: of("CHARGE"), REFUND: of("REFUND") };
  }

  it.each(POINTS)(
    "SIGKILL at %s of the %s call: it ends %s, never sent twice, the ledger adds up",
    async (label, subject, outcome, sentExactly) => {
      const calls = await queueCalls();
      const crashing = spawnFor({ CRASH_AT: label, CRASH_SUBJECT: calls[subject], WORKER_CONCURRENCY: "1", WORKER_UPSTREAM_JOBS: "0" });
      running = crashing;
      await waitFor(`the worker to die at ${label}`, async () => crashing.child.exitCode !== null || crashing.child.signalCode !== null, KILL_MS);
      expect(await crashing.exited, crashing.output()).toBe("SIGKILL");
      const survivor = spawnFor();
      running = survivor;
      await waitFor(
        "every call and its job to end",
        async () =>
          (await h.db.job.count({ where: { status: { notIn: ["DONE", "FAILED", "CANCELLED"] } } })) === 0 &&
          (await h.db.aiCall.count({ where: { status: { notIn: ["DONE", "FAILED"] } } })) === 0,
        ENDS,
        100,
      );
      expect(await stopWorker(survivor)).not.toBe("SIGKILL");
      running = undefined;

      const requests = h.sim.control.stats().requests;
      for (const kind of ["CHAT", "STILL", "SPEECH"] as const) {
        const call = await h.db.aiCall.findUniqueOrThrow({ where: { id: calls[kind] } });
        const job = await h.db.job.findFirstOrThrow({ where: { subjectId: call.id } });
        const money = await ledgerOf(call.id);
        const what = `${kind} after ${label} (${subject} killed): ${call.status} ${call.errorCode ?? ""} ${JSON.stringify(money)}`;
        // One HOLD; what was charged and refunded never exceeds it.
        expect(money.HOLD.n, what).toBe(1);
        expect(money.HOLD.fen, what).toBe(call.costFen);
        expect(money.CHARGE.n, what).toBeLessThanOrEqual(1);
        expect(money.REFUND.n, what).toBeLessThanOrEqual(1);
        expect(money.CHARGE.fen + money.REFUND.fen, what).toBeLessThanOrEqual(money.HOLD.fen);
        // Never sent twice: the endpoint of this kind saw this one call at most once (chat: and the refused one).
        const others = kind === "CHAT" ? 1 : 0;
        expect(requests[REQUESTS[kind]] - others, what).toBeLessThanOrEqual(1);
        const ends = kind === subject ? outcome : "done";
        if (ends === "unconfirmed") {
          expect([call.status, call.errorCode], what).toEqual(["FAILED", "unconfirmed"]);
          expect(job.status, what).toBe("FAILED");
          // The whole hold is kept: the upstream may have billed it.
          expect(money.CHARGE.n + money.REFUND.n, what).toBe(0);
          expect(call.settledFen, what).toBeNull();
        } else {
          expect(call.status, what).toBe("DONE");
          expect(job.status, what).toBe("DONE");
          expect(requests[REQUESTS[kind]] - others, what).toBe(1);
          // Settled: CHARGE what it cost, REFUND the rest, together the hold.
          expect(money.CHARGE.n, what).toBe(1);
          expect(money.CHARGE.fen, what).toBe(call.settledFen);
          expect(money.CHARGE.fen + money.REFUND.fen, what).toBe(money.HOLD.fen);
        }
      }
      // The killed call's endpoint saw exactly what the killed worker sent: the fresh worker sent nothing again.
      expect(requests[REQUESTS[subject]] - (subject === "CHAT" ? 1 : 0)).toBe(sentExactly);
      // A refused call (1301, before the upstream took it) is refunded in full, crash or not.
      const refused = await h.db.aiCall.findUniqueOrThrow({ where: { id: calls.REFUSED } });
      const refusedMoney = await ledgerOf(refused.id);
      expect([refused.status, refused.errorCode]).toEqual(["FAILED", "unsafe_content"]);
      expect(refusedMoney).toEqual({ HOLD: { n: 1, fen: refused.costFen }, CHARGE: { n: 0, fen: 0 }, REFUND: { n: 1, fen: refused.costFen } });
      if (subject === "STILL") {
        const still = await h.db.shotStill.findFirstOrThrow({ where: { callId: calls.STILL } });
        // A still that ended DONE is recorded once, under its call's key; an unconfirmed one has no image.
        expect(still.uploadId !== null, JSON.stringify(still)).toBe(outcome === "done");
        expect(stored(stillKey(calls.STILL))).toBe(outcome === "done");
      }
      if (subject === "SPEECH") expect(stored(voiceKey(calls.SPEECH))).toBe(outcome === "done");
    },
    KILL_MS + ENDS + 60_000,
  );
});
