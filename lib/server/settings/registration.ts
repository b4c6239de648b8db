import "server-only";
import { z } from "zod";
import type { Db } from "../db";
import { env } from "../env";

// Registration mode: the instance admin's choice (Setting row) overrides the REGISTRATION default.
const KEY = "instance.registration";
export const registrationModeSchema = z.enum(["open", "invite"]);
export type RegistrationMode = z.infer<typeof registrationModeSchema>;

export async function getRegistrationMode(client: Db): Promise<RegistrationMode> {
  const row = await client.setting.findUnique({ where: { key: KEY } });
  const parsed = registrationModeSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : env().REGISTRATION;
}

export async function setRegistrationMode(client: Db, mode: RegistrationMode): Promise<void> {
  await client.setting.upsert({ where: { key: KEY }, create: { key: KEY, value: mode }, update: { value: mode } });
}
