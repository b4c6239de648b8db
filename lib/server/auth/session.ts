import "server-only";
import { getServerSession } from "next-auth";
import { db } from "../db";
import { AppError } from "../errors";
import { authOptions } from "./auth-options";

export interface Actor {
  id: string;
  email: string;
  name: string | null;
  role: "USER" | "ADMIN";
  locale: string | null;
}

/** The signed-in user, re-read from the database (role, disabled flag) on every call; null if none. */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await db().user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, role: true, locale: true, disabledAt: true },
  });
  if (!user || user.disabledAt) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: user.locale };
}

export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated");
  return actor;
}

export async function requireInstanceAdmin(): Promise<Actor> {
  const actor = await requireActor();
  if (actor.role !== "ADMIN") throw new AppError("forbidden");
  return actor;
}
