// `npm run upstream:check [-- --spend]`: checks the configured upstream once (docs/upstream.md,
// "Assumptions"), stores the findings for the worker and the admin page, and prints a report.
// Without --spend it only sends requests that are invalid on purpose (nothing is billed); with
// --spend it prints the price, then pays for one text clip to learn the repeat-request_id behaviour,
// the result host and the timing. Uses BIGMODEL_API_KEY / BIGMODEL_BASE_URL and DATABASE_URL; with no
// key it checks the in-process simulator. Run as `node --conditions=react-server --import tsx
// scripts/upstream-check.ts` so that `server-only` resolves to its empty react-server build.
import { runUpstreamCheck } from "@/lib/server/bigmodel/upstream-check";
import { writeUpstreamFacts } from "@/lib/server/bigmodel/upstream-facts-store";
import { closeUpstream, getUpstream } from "@/lib/server/bigmodel/upstream";
import { priceFen } from "@/lib/server/budgets/price";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";

async function main(): Promise<void> {
  const spend = process.argv.includes("--spend");
  const e = env();
  const upstream = await getUpstream();
  const target = upstream.mode === "bigmodel" ? { baseUrl: e.BIGMODEL_BASE_URL, apiKey: e.BIGMODEL_API_KEY ?? "" } : upstream.endpoint;
  if (!target) throw new Error("the upstream does not expose its endpoint");
  const facts = await runUpstreamCheck({
    ...target,
    upstream: upstream.mode,
    spend,
    priceFen: priceFen("text"),
    out: (line) => process.stdout.write(`${line}\n`),
  });
  await writeUpstreamFacts(db(), facts);
  process.stdout.write(`stored: repeat request_id ${facts.repeatRequestId}, ${facts.spentClips} paid clip(s)\n`);
  await closeUpstream();
  await db().$disconnect();
}

main().catch((err: unknown) => {
  process.stderr.write(`upstream:check failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
