import { afterEach, describe, expect, it, vi } from "vitest";
import { NODE_LTS_ENV_NAMES, nodeLtsEnv } from "@/scripts/lib/node-lts.mjs";
import { childBaseEnv } from "@/tests/support/child-env";

// A worker child of the Node-LTS pass must inherit every variable that makes it load the LTS build of
// better-sqlite3; a name set by nodeLtsEnv but missing from the child's environment makes it retry forever.

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the Node-LTS pass's environment reaches test children", () => {
  const prepared = { node: "/opt/node-lts/bin/node", hook: "/opt/hook.mjs", addon: "/opt/better_sqlite3.node" };

  it("names exactly what nodeLtsEnv sets besides PATH", () => {
    const env = nodeLtsEnv({ PATH: "/usr/bin", HOME: "/root" }, prepared);
    const added = Object.keys(env).filter((k) => k !== "PATH" && k !== "HOME");
    expect(added.sort()).toEqual([...NODE_LTS_ENV_NAMES].sort());
    expect(env.PATH).toBe("/opt/node-lts/bin:/usr/bin");
  });

  it("keeps them in a child's scrubbed environment and drops everything else", () => {
    for (const [name, value] of Object.entries(nodeLtsEnv({ PATH: "/usr/bin", HOME: "/root" }, prepared))) vi.stubEnv(name, value);
    vi.stubEnv("SECRET_TOKEN", "x");
    const child = childBaseEnv();
    expect(child.FRAMEHOUSE_BETTER_SQLITE3_ADDON).toBe(prepared.addon);
    expect(child.NODE_OPTIONS).toBe("--import=/opt/hook.mjs");
    expect(child.SECRET_TOKEN).toBeUndefined();
  });
});
