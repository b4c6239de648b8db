import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/server/auth/credentials";
import { createInstanceInvite } from "@/lib/server/auth/instance-invites";
import { registerUser } from "@/lib/server/auth/register";
import { setRegistrationMode } from "@/lib/server/settings/registration";
import { createTestDb, providers, type TestDb } from "../support/test-db";

const PW = "correct horse battery staple";

describe.each(providers())("accounts on %s", (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(async () => t?.drop());

  it("of many simultaneous first sign-ups on an invite-only instance one becomes admin and the rest are refused", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => registerUser(t.client, { email: `racer${i}@x.test`, password: PW })),
    );
    const admitted = results.flatMap((r) => (r.status === "fulfilled" && r.value.created ? [r.value] : []));
    expect(admitted.map((r) => r.role)).toEqual(["ADMIN"]);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as { code?: string }).code] : []));
    expect(refused).toEqual(Array(7).fill("registration_closed"));
    expect(await t.client.user.count()).toBe(1);
    expect(await t.client.user.count({ where: { role: "ADMIN" } })).toBe(1);
    // Registration is invite-only by default once an admin exists; the tests below sign many people
    // up, so the admin opens it (the invite-only test sets it back).
    await setRegistrationMode(t.client, "open");
  });

  it("emails are unique case-insensitively; a registered email is answered without an error and changes nothing", async () => {
    await registerUser(t.client, { email: "Case@X.test", password: PW });
    const before = await t.client.user.findUniqueOrThrow({ where: { email: "case@x.test" } });
    await expect(registerUser(t.client, { email: "case@x.TEST", password: "other password 123" })).resolves.toEqual({ created: false, email: "case@x.test" });
    expect(await t.client.user.findUniqueOrThrow({ where: { email: "case@x.test" } })).toEqual(before);
  });

  it("stores only a scrypt hash of the password", async () => {
    await registerUser(t.client, { email: "hash@x.test", password: PW });
    const row = await t.client.user.findUniqueOrThrow({ where: { email: "hash@x.test" } });
    expect(row.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.passwordHash).not.toContain(PW);
  });

  it("checks credentials with identical answers for unknown email and wrong password", async () => {
    await registerUser(t.client, { email: "login@x.test", password: PW });
    expect(await checkCredentials(t.client, { email: "LOGIN@x.test", password: PW }, "10.0.0.1")).toMatchObject({ ok: true });
    expect(await checkCredentials(t.client, { email: "login@x.test", password: "nope nope nope" }, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(t.client, { email: "ghost@x.test", password: PW }, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
    expect(await checkCredentials(t.client, { email: 42 }, "10.0.0.1")).toEqual({ ok: false, reason: "invalid" });
  });

  it("throttles after 5 failures per (account, IP), not for other IPs, and a success resets", async () => {
    await registerUser(t.client, { email: "throttle@x.test", password: PW });
    for (let i = 0; i < 5; i++) {
      expect(await checkCredentials(t.client, { email: "throttle@x.test", password: `bad ${i} bad bad` }, "10.0.0.2")).toMatchObject({ reason: "invalid" });
    }
    const locked = await checkCredentials(t.client, { email: "throttle@x.test", password: PW }, "10.0.0.2");
    expect(locked).toMatchObject({ ok: false, reason: "throttled" });
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(25);
    // Same account from another address is unaffected; the lock is per account + IP.
    expect(await checkCredentials(t.client, { email: "throttle@x.test", password: PW }, "10.0.0.3")).toMatchObject({ ok: true });
    // Locked pairs are refused before the password is looked at, also for unknown accounts.
    for (let i = 0; i < 5; i++) await checkCredentials(t.client, { email: "nobody@x.test", password: "x".repeat(12) }, "10.0.0.2");
    expect(await checkCredentials(t.client, { email: "nobody@x.test", password: PW }, "10.0.0.2")).toMatchObject({ reason: "throttled" });
  });

  it("of 20 parallel wrong passwords at most 5 are verified (the attempt is recorded before the check, atomically)", async () => {
    await registerUser(t.client, { email: "race@x.test", password: PW });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => checkCredentials(t.client, { email: "race@x.test", password: `wrong ${i} wrong` }, "10.0.0.9")),
    );
    // "invalid" means the password was verified; "throttled" means it was refused before any hash.
    const verified = results.filter((r) => !r.ok && r.reason === "invalid").length;
    expect(verified).toBeLessThanOrEqual(5);
    expect(verified + results.filter((r) => !r.ok && r.reason === "throttled").length).toBe(20);
    expect(await t.client.loginAttempt.count({ where: { email: "race@x.test", ip: "10.0.0.9" } })).toBe(verified);
  });

  it("invite-only registration needs a valid, unused invitation", async () => {
    const admin = await t.client.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    await setRegistrationMode(t.client, "invite");
    await expect(registerUser(t.client, { email: "noinv@x.test", password: PW })).rejects.toMatchObject({ code: "registration_closed" });
    await expect(registerUser(t.client, { email: "badinv@x.test", password: PW, invite: "forged" })).rejects.toMatchObject({ code: "invalid_invite" });
    const { token } = await createInstanceInvite(t.client, admin.id);
    const stored = await t.client.instanceInvite.findFirstOrThrow({ where: { createdById: admin.id } });
    expect(stored.tokenHash).not.toBe(token);
    // A registered email with a valid invitation: nothing happens, and the invitation stays unused.
    await expect(registerUser(t.client, { email: "login@x.test", password: PW, invite: token })).resolves.toMatchObject({ created: false });
    expect(await t.client.instanceInvite.findFirstOrThrow({ where: { createdById: admin.id } })).toMatchObject({ usedAt: null });
    await expect(registerUser(t.client, { email: "inv1@x.test", password: PW, invite: token })).resolves.toMatchObject({ created: true, role: "USER" });
    await expect(registerUser(t.client, { email: "inv2@x.test", password: PW, invite: token })).rejects.toMatchObject({ code: "invalid_invite" });
    const bound = await createInstanceInvite(t.client, admin.id, "only@x.test");
    await expect(registerUser(t.client, { email: "other@x.test", password: PW, invite: bound.token })).rejects.toMatchObject({ code: "invalid_invite" });
    await setRegistrationMode(t.client, "open");
  });
});
