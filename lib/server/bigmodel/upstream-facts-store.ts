import "server-only";
import type { Db } from "@/lib/server/db";
import { upstreamFactsSchema, type RepeatKnowledge, type UpstreamFacts } from "@/lib/shared/upstream/upstream-facts";

// The one place the findings of `npm run upstream:check` are stored and read (a Setting row). A
// missing or unreadable row means nothing was verified: every assumption counts as unknown.

const KEY = "upstream.facts";

export async function readUpstreamFacts(db: Db): Promise<UpstreamFacts | null> {
  const row = await db.setting.findUnique({ where: { key: KEY } });
  const parsed = upstreamFactsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

export async function writeUpstreamFacts(db: Db, facts: UpstreamFacts): Promise<void> {
  const value = upstreamFactsSchema.parse(facts);
  await db.setting.upsert({ where: { key: KEY }, create: { key: KEY, value }, update: { value } });
}

/** What the submit step knows about repeated request_ids: the stored finding, else unknown. */
export async function knownRepeatBehaviour(db: Db): Promise<RepeatKnowledge> {
  return (await readUpstreamFacts(db))?.repeatRequestId ?? "unknown";
}
