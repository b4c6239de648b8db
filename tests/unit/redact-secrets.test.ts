import { describe, expect, it } from "vitest";
import { redactSecrets } from "@/lib/server/redact-secrets";

// Built at run time so no key-shaped literal sits in the repository (secret scanners).
const KEY = `${"ab12".repeat(8)}.Secret0123456789`;

describe("redactSecrets", () => {
  it("removes a secret whole and each half of an id.secret key", () => {
    const [id = "", secret = ""] = KEY.split(".");
    const out = redactSecrets(`whole ${KEY} id ${id} secret ${secret}`, [KEY]);
    expect(out).toBe("whole [redacted] id [redacted] secret [redacted]");
  });

  it("removes bearer tokens and key-shaped text it was not told about", () => {
    const other = `${"cd34".repeat(8)}.Other01234567890`;
    expect(redactSecrets(`Authorization: Bearer abc.def and ${other}`, [])).toBe(
      "Authorization: Bearer [redacted] and [redacted]",
    );
  });

  it("leaves short halves and other text alone", () => {
    expect(redactSecrets("a.bc plain text", ["a.bc"])).toBe("[redacted] plain text");
    expect(redactSecrets("a and bc", ["a.bc"])).toBe("a and bc");
  });
});
