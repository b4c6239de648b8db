// The bytes the first gallery screen transfers in Chromium: the production build (next start) on a
// fresh data dir, 100 clips seeded for the signed-in user whose posters are real pipeline posters
// (3 clips made through the API with the simulator, their poster.jpg copied to the seeded clips).
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { createDb } from "@/lib/server/db";
import { seedGenerations } from "../tests/support/seed-generations";

const root = path.resolve(import.meta.dirname, "..");
const PASSWORD = "correct horse battery staple";

async function waitFor(url: string, ms: number) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

export interface FirstScreen {
  clips: number;
  requests: number;
  bytes: number;
  byType: Record<string, number>;
  posterBytes: number;
}

export async function measureFirstScreen(clips = 100, port = 3310): Promise<FirstScreen> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "framehouse-bench-"));
  const dbUrl = `file:${path.join(dataDir, "framehouse.db")}`;
  const base = `http://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
  try {
    server = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
      cwd: root,
      env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: dbUrl, NEXTAUTH_URL: base, AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123", SIMULATOR_SPEED: "200", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: "ignore",
    });
    await waitFor(`${base}/api/health`, 120_000);
    const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const email = `bench-${Date.now()}@example.test`;
    const signUp = await page.request.post("/api/account/sign-up", { data: { email, password: PASSWORD, name: "Bench" } });
    if (signUp.status() !== 201) throw new Error(`sign-up: ${signUp.status()}`);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname === "/");

    // Real posters from the real pipeline.
    const real: string[] = [];
    for (const p of ["A paper boat drifting down a rainy street at dusk", "一只橘猫在樱花树下", "A vintage train crossing a golden wheat field"]) {
      const r = await page.request.post("/api/generations", { headers: { "Idempotency-Key": `bench-${Date.now()}-${real.length}` }, data: { mode: "text", prompt: p, style: "general", aspectRatio: "16:9", movementAmplitude: "auto" } });
      real.push(((await r.json()) as { id: string }).id);
    }
    for (const id of real) {
      for (let i = 0; ; i++) {
        const s = ((await (await page.request.get(`/api/generations/${id}`)).json()) as { status: string }).status;
        if (s === "STORED") break;
        // Up to 10 min: on a loaded 2-core machine (e2e, other benches) the simulator renders slowly.
        if (i > 1200 || ["FAILED", "REJECTED", "EXPIRED"].includes(s)) throw new Error(`clip ${id}: ${s}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    const db = createDb(dbUrl);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    const { clips: seeded } = await seedGenerations(db, { users: [user.id], total: clips - real.length, seed: 5, now: new Date(Date.now() - 60_000), spanDays: 30 });
    const posters = real.map((id) => path.join(dataDir, "media", "clips", id, "poster.jpg"));
    const posterBytes = Math.round(posters.reduce((s, p) => s + fs.statSync(p).size, 0) / posters.length);
    seeded.forEach((c, i) => {
      const dir = path.join(dataDir, "media", "clips", c.id);
      fs.mkdirSync(dir, { recursive: true });
      fs.copyFileSync(posters[i % posters.length]!, path.join(dir, "poster.jpg"));
    });
    await db.$disconnect();

    // A cold first visit of /gallery: empty HTTP cache, sum of every response's transfer size.
    const fresh = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 }, storageState: await context.storageState() });
    const p2 = await fresh.newPage();
    const sizes: Promise<{ type: string; bytes: number }>[] = [];
    p2.on("requestfinished", (req) => {
      sizes.push(req.sizes().then((s) => ({ type: req.resourceType(), bytes: s.responseBodySize + s.responseHeadersSize })));
    });
    await p2.goto("/gallery");
    await p2.waitForSelector("[data-testid='gallery-card'] img");
    await p2.waitForLoadState("networkidle");
    const all = await Promise.all(sizes);
    const byType: Record<string, number> = {};
    for (const s of all) byType[s.type] = (byType[s.type] ?? 0) + s.bytes;
    await fresh.close();
    await context.close();
    return { clips, requests: all.length, bytes: all.reduce((s, x) => s + x.bytes, 0), byType, posterBytes };
  } finally {
    await browser.close();
    server?.kill("SIGTERM");
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
