import "server-only";
import type { Db } from "../db";

const KEY = "instance.firstAdmin";

/**
 * Makes `userId` the instance admin if no account has claimed that yet. The claim is a row with a
 * fixed primary key, so two simultaneous first sign-ups cannot both win (the loser gets P2002).
 */
export async function claimFirstAdmin(client: Db, userId: string): Promise<boolean> {
  try {
    await client.$transaction([
      client.setting.create({ data: { key: KEY, value: { userId } } }),
      client.user.update({ where: { id: userId }, data: { role: "ADMIN" } }),
    ]);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return false;
    throw err;
  }
}
