import "server-only";
import { z } from "zod";
import type { Db } from "../db";

// The upstream circuit breaker as the worker records it (Setting "upstream.breaker" = {open, code, since}).
// Read defensively: a missing or malformed value means "closed", never an error for the banner.
export const BREAKER_SETTING_KEY = "upstream.breaker";

const breakerSchema = z.object({
  open: z.boolean(),
  code: z.string().nullable().optional(),
  since: z.string().nullable().optional(),
});

export interface BreakerState {
  open: boolean;
  code: string | null;
  since: string | null;
}

export async function readBreaker(client: Pick<Db, "setting">): Promise<BreakerState> {
  const row = await client.setting.findUnique({ where: { key: BREAKER_SETTING_KEY } });
  const parsed = breakerSchema.safeParse(row?.value);
  if (!parsed.success) return { open: false, code: null, since: null };
  return { open: parsed.data.open, code: parsed.data.code ?? null, since: parsed.data.since ?? null };
}
