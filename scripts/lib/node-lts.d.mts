// Types of node-lts.mjs for the TypeScript that imports it (tests/support/child-env.ts, tests/unit/node-lts-env.test.ts).
export const NODE_LTS_VERSION: string;
export const NODE_LTS_ENV_NAMES: string[];
export function nodeLtsEnv(
  baseEnv: Record<string, string | undefined>,
  prepared: { node: string; hook: string; addon: string },
): Record<string, string | undefined>;
