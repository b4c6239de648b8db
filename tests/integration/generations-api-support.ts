// Shared setup for the studio API integration tests: a real migrated database (SQLite or PostgreSQL),
// a temp DATA_DIR for local storage, fresh route modules bound to that database, and signed-in users.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { vi } from "vitest";
import type { Db } from "@/lib/server/db";
import { createTestDb, type TestDb } from "../support/test-db";
import { jsonRequest, sessionCookie, useTestEnv as applyTestEnv } from "../support/route-env";

export interface StudioUser {
  id: string;
  cookie: string;
}

async function loadRoutes() {
  return {
    generations: await import("@/app/api/generations/route"),
    generation: await import("@/app/api/generations/[id]/route"),
    cancel: await import("@/app/api/generations/[id]/cancel/route"),
    retry: await import("@/app/api/generations/[id]/retry/route"),
    events: await import("@/app/api/generations/events/route"),
    clipEvents: await import("@/app/api/generations/[id]/events/route"),
    uploads: await import("@/app/api/uploads/route"),
    upload: await import("@/app/api/uploads/[id]/route"),
    media: await import("@/app/api/media/[generationId]/[file]/route"),
    signedMedia: await import("@/app/api/media/signed/[...key]/route"),
    upstreamStatus: await import("@/app/api/upstream/status/route"),
  };
}

export interface Studio {
  t: TestDb;
  db: Db;
  dataDir: string;
  routes: Awaited<ReturnType<typeof loadRoutes>>;
  user(email: string): Promise<StudioUser>;
  drop(): Promise<void>;
}

const holder = globalThis as unknown as { framehouseDb?: Db; framehouseStorage?: unknown };

/** Route handlers read env()/db()/storage() from module caches: reset them so each provider gets its own. */
export async function setupStudio(kind: "sqlite" | "postgresql", extraEnv: Record<string, string> = {}): Promise<Studio> {
  const t = await createTestDb(kind);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "framehouse-studio-"));
  applyTestEnv(t.url, { DATA_DIR: dataDir, PRICE_FEN: "250", ...extraEnv });
  vi.resetModules();
  holder.framehouseDb = t.client; // one connection: the test and the handlers see the same database
  holder.framehouseStorage = undefined;
  const routes = await loadRoutes();
  return {
    t,
    db: t.client,
    dataDir,
    routes,
    async user(email) {
      const u = await t.client.user.create({ data: { email } });
      return { id: u.id, cookie: await sessionCookie(t.client, u.id) };
    },
    async drop() {
      holder.framehouseDb = undefined;
      holder.framehouseStorage = undefined;
      await t.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Next.js passes dynamic segments as a promise. */
export function ctx<P extends Record<string, string>>(params: P) {
  return { params: Promise.resolve(params) };
}

export function submitRequest(user: StudioUser, body: unknown, key: string | null, extra: Record<string, string> = {}): Request {
  return jsonRequest("/api/generations", "POST", body, {
    cookie: user.cookie,
    ...(key === null ? {} : { "idempotency-key": key }),
    ...extra,
  });
}

export function getRequest(user: StudioUser | null, url: string, headers: Record<string, string> = {}, init: RequestInit = {}): Request {
  return new Request(`http://localhost:3000${url}`, {
    method: "GET",
    ...init,
    headers: { host: "localhost:3000", ...(user ? { cookie: user.cookie } : {}), ...headers },
  });
}

export function uploadRequest(user: StudioUser, bytes: Uint8Array, filename = "image.png", type = "image/png"): Request {
  const form = new FormData();
  form.append("file", new Blob([new Uint8Array(bytes)], { type }), filename);
  return new Request("http://localhost:3000/api/uploads", {
    method: "POST",
    headers: { host: "localhost:3000", cookie: user.cookie },
    body: form,
  });
}

export const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

/** Whether a live stream closes by itself (done) within `deadlineMs`, reading and dropping what it sends meanwhile. */
export async function streamEnds(reader: ReadableStreamDefaultReader<Uint8Array>, deadlineMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    const read = await Promise.race([reader.read(), new Promise<null>((ok) => setTimeout(() => ok(null), Math.max(0, deadline - Date.now())))]);
    if (read === null) return false;
    if (read.done) return true;
  }
  return false;
}
