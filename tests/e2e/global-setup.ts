import fs from "node:fs";
import path from "node:path";
import { chromium, type FullConfig } from "@playwright/test";
import { sweepRenderCache } from "@/lib/simulator/render/cache-sweep";
import { e2eRenderCache, UNUSED_RENDER_MAX_AGE_MS } from "@/scripts/lib/test-render-caches.mjs";
import { PASSWORD, STORAGE_STATE } from "./helpers";

// Signed-in state is prepared once per run: one account (the first, so also instance admin). The
// simulator's render cache, kept across runs, loses the clips no run asked for in a week.
export default async function globalSetup(config: FullConfig) {
  await sweepRenderCache(e2eRenderCache(), { clipMaxAgeMs: UNUSED_RENDER_MAX_AGE_MS });
  const project = config.projects[0];
  const baseURL = project?.use.baseURL ?? "http://127.0.0.1:3200";
  const browser = await chromium.launch(project?.use.launchOptions);
  const page = await browser.newPage({ baseURL });
  const email = `owner-${Date.now().toString(36)}@example.test`;
  const res = await page.request.post("/api/account/sign-up", { data: { email, password: PASSWORD, name: "Owner" } });
  if (res.status() !== 201) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === "/");
  fs.mkdirSync(path.dirname(STORAGE_STATE), { recursive: true });
  await page.context().storageState({ path: STORAGE_STATE });
  fs.writeFileSync(path.join(path.dirname(STORAGE_STATE), "owner.json"), JSON.stringify({ email }));
  await browser.close();
}
