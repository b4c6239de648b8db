import "server-only";
import type { Db } from "../db";
import { writeTransaction } from "../db/retry";

const KEY = "instance.firstAdmin";

type Tx = Pick<Db, "setting" | "user">;

/**
 * Inside a transaction: makes `userId` the instance admin. The claim is a row with a fixed primary
 * key, so of two simultaneous first sign-ups only one can commit it: the other's insert fails with
 * P2002 and, because it is the same transaction, takes that sign-up's account with it when the
 * caller lets it (register.ts does on an invite-only instance).
 */
export async function claimFirstAdminIn(tx: Tx, userId: string): Promise<void> {
  await tx.setting.create({ data: { key: KEY, value: { userId } } });
  await tx.user.update({ where: { id: userId }, data: { role: "ADMIN" } });
}

/** Makes `userId` the instance admin if no account has claimed that yet (false: someone has). */
export async function claimFirstAdmin(client: Db, userId: string): Promise<boolean> {
  try {
    await writeTransaction(client, async (tx) => claimFirstAdminIn(tx, userId));
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === "P2002") return false;
    throw err;
  }
}
