import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "./task-store";

// The simulated account's keys and the secret that signs result URLs. Kept in <stateDir>/account.json
// (mode 0600) so a restarted simulator keeps answering for the same key and its old links stay valid.

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** A key in BigModel's "<32 hex id>.<16 char secret>" shape. */
function generateApiKey(): string {
  const secret = [...randomBytes(16)].map((b) => ALNUM[b % ALNUM.length]).join("");
  return `${randomBytes(16).toString("hex")}.${secret}`;
}

interface AccountFile {
  keys: string[];
  fileSecret: string;
}

export function loadOrCreateAccount(stateDir: string | undefined, givenKeys: string[] | undefined): { keys: string[]; fileSecret: Buffer } {
  const file = stateDir ? path.join(stateDir, "account.json") : undefined;
  let stored: AccountFile | undefined;
  if (file && fs.existsSync(file)) {
    try {
      stored = JSON.parse(fs.readFileSync(file, "utf8")) as AccountFile;
    } catch {
      stored = undefined;
    }
  }
  const keys = givenKeys && givenKeys.length > 0 ? givenKeys : stored?.keys?.length ? stored.keys : [generateApiKey()];
  const fileSecret = stored?.fileSecret ?? randomBytes(32).toString("hex");
  if (file && stateDir) {
    fs.mkdirSync(stateDir, { recursive: true });
    writeFileAtomic(file, JSON.stringify({ keys, fileSecret } satisfies AccountFile), 0o600);
  }
  return { keys, fileSecret: Buffer.from(fileSecret, "hex") };
}
