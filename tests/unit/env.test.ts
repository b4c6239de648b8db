import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/server/env";

describe("env module", () => {
  it("has working defaults: SQLite under ./data, simulator when no key", () => {
    const e = parseEnv({});
    expect(e.DATABASE_URL).toBe("file:./data/framehouse.db");
    expect(e.BIGMODEL_API_KEY).toBeUndefined();
    expect(e.PRICE_FEN).toBe(250);
    expect(e.MODEL_CONCURRENCY).toBe(5);
    expect(e.REGISTRATION).toBe("invite");
  });

  it("names the bad variable in its error", () => {
    expect(() => parseEnv({ PRICE_FEN: "two yuan" })).toThrow(/PRICE_FEN/);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with file: or postgres/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET: must be at least 32 characters/);
    expect(() => parseEnv({ REGISTRATION: "closed" })).toThrow(/REGISTRATION/);
    expect(() => parseEnv({ STORAGE_DRIVER: "s3" })).toThrow(/S3_BUCKET/);
    expect(() => parseEnv({ MODEL_CONCURRENCY: "0" })).toThrow(/MODEL_CONCURRENCY/);
  });

  it("SMTP: smtp:// or smtps:// with optional login, nothing after the host; MAIL_FROM required with it", () => {
    expect(parseEnv({ SMTP_URL: "smtps://user:p%2Fss@mail.example.com:465", MAIL_FROM: "Studio <s@example.com>" }).SMTP_URL).toBe("smtps://user:p%2Fss@mail.example.com:465");
    expect(parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525", MAIL_FROM: "s@example.com" }).SMTP_URL).toBe("smtp://127.0.0.1:2525");
    expect(() => parseEnv({ SMTP_URL: "http://mail.example.com", MAIL_FROM: "s@example.com" })).toThrow(/SMTP_URL: must be smtp:/);
    // Query options would reach nodemailer (e.g. a sendmail transport): refused.
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.com/?sendmail=true", MAIL_FROM: "s@example.com" })).toThrow(/SMTP_URL/);
    expect(() => parseEnv({ SMTP_URL: "smtp://mail.example.com:587" })).toThrow(/MAIL_FROM: required when SMTP_URL is set/);
    expect(parseEnv({ SMTP_URL: "", MAIL_FROM: "" }).SMTP_URL).toBeUndefined();
  });

  it("treats empty strings as unset and parses booleans", () => {
    const e = parseEnv({ BIGMODEL_API_KEY: "", TRUST_PROXY: "1", WORKER_IN_APP: "false" });
    expect(e.BIGMODEL_API_KEY).toBeUndefined();
    expect(e.TRUST_PROXY).toBe(true);
    expect(e.WORKER_IN_APP).toBe(false);
  });
});

describe(".env.example", () => {
  it("documents every variable the env module reads", async () => {
    const { readFileSync } = await import("node:fs");
    const { ENV_KEYS } = await import("@/lib/server/env");
    const documented = new Set(
      readFileSync(new URL("../../.env.example", import.meta.url), "utf8")
        .split("\n")
        .map((l) => /^([A-Z0-9_]+)=/.exec(l)?.[1])
        .filter(Boolean),
    );
    const missing = ENV_KEYS.filter((k) => k !== "NODE_ENV" && !documented.has(k));
    expect(missing).toEqual([]);
  });
});
