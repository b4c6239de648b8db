// Types of e2e-shards.mjs for the TypeScript that imports it (tests/unit/e2e-shards.test.ts).
export interface ShardPlan {
  files: string[];
  seconds: number;
}
export function planShards(files: string[], weights: Record<string, number>, count: number): ShardPlan[];
export function measuredWeights(reports: unknown[]): Record<string, number>;
