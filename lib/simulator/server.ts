import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { loadOrCreateAccount } from "./account-file";
import { FaultQueue } from "./faults";
import { handleChat } from "./handle-chat";
import { handleControl } from "./handle-control";
import { handleCreate, renderInputFor } from "./handle-create";
import { handleFile } from "./handle-files";
import { handleImages } from "./handle-images";
import { handleSpeech } from "./handle-speech";
import { handleQuery } from "./handle-query";
import { RenderQueue } from "./render-queue";
import { sendJson, type SimContext } from "./sim-context";
import { createControl, type SimControl } from "./sim-control";
import { SIMULATOR_DEFAULTS, type ResolvedOptions, type SimSwitches, type SimulatorOptions } from "./sim-options";
import { emptyStats, PollTracker } from "./sim-stats";
import { SyncSlots } from "./sync-slots";
import { TaskStore } from "./task-store";

// The simulator's HTTP server: routes the upstream endpoints (video create and query, chat,
// images, speech), the result-file "CDN" and the test control routes, and restarts unfinished renders of
// tasks loaded from stateDir.

export interface RunningSimulator {
  /** http://host:port */
  url: string;
  /** url + /api/paas/v4: what a client uses as its base URL. */
  baseUrl: string;
  keys: string[];
  control: SimControl;
  close(): Promise<void>;
}

const API = "/api/paas/v4";

function resolve(opts: SimulatorOptions): ResolvedOptions {
  const cacheDir = opts.cacheDir ?? path.join(opts.stateDir ?? path.join(os.tmpdir(), "framehouse-simulator"), "renders");
  return {
    ...SIMULATOR_DEFAULTS,
    unsafeMarkers: [...SIMULATOR_DEFAULTS.unsafeMarkers],
    now: Date.now,
    random: Math.random,
    ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)),
    cacheDir,
  } as ResolvedOptions;
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const opts = resolve(options);
  fs.mkdirSync(opts.cacheDir, { recursive: true });
  const account = loadOrCreateAccount(opts.stateDir, options.keys);
  let offset = 0;
  const now = () => opts.now() + offset;
  const store = new TaskStore(opts.stateDir);
  const switches: SimSwitches = {
    noBalance: false,
    overloaded: false,
    failRate: opts.failRate,
    concurrency: opts.concurrency,
    speed: opts.speed,
    unsafeMarkers: opts.unsafeMarkers,
    urlTtlSeconds: opts.urlTtlSeconds,
    imageUrlTtlSeconds: opts.imageUrlTtlSeconds,
    repeatRequestId: opts.repeatRequestId,
    promptTooLongCode: opts.promptTooLongCode,
  };

  const renders = new RenderQueue({
    cacheDir: opts.cacheDir,
    concurrency: opts.renderConcurrency,
    render: opts.render,
    onDone(taskId, outcome) {
      const task = store.get(taskId);
      if (!task) return;
      task.render = outcome.ok
        ? { state: "done", videoPath: outcome.output.videoPath, coverPath: outcome.output.coverPath, doneAt: now() }
        : { state: "error", doneAt: now() };
      if (!outcome.ok) console.error(`[simulator] render of ${taskId} failed: ${outcome.error}`);
      store.save(task);
    },
  });

  const ctx: SimContext = {
    opts,
    switches,
    now,
    store,
    stats: emptyStats(),
    polls: new PollTracker(),
    faults: new FaultQueue(),
    slots: new SyncSlots(),
    renders,
    keys: new Set(account.keys),
    fileSecret: account.fileSecret,
    origin: "",
  };
  const control = createControl({
    switches,
    faults: ctx.faults,
    renders,
    store,
    stats: () => ctx.stats,
    replaceStats: (s) => (ctx.stats = s),
    advance: (ms) => (offset += ms),
    now,
  });

  // Tasks accepted before a restart whose render never finished: render them now.
  for (const task of store.all()) {
    if (task.render.state !== "pending" || task.willFail) continue;
    renders.enqueue(task.id, async () => renderInputFor(task, await Promise.all(task.inputFiles.map((f) => fs.promises.readFile(f)))));
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://simulator.local");
    const p = url.pathname;
    const route = async () => {
      if (req.method === "POST" && p === `${API}/videos/generations`) return handleCreate(ctx, req, res);
      if (req.method === "POST" && p === `${API}/images/generations`) return handleImages(ctx, req, res);
      if (req.method === "POST" && p === `${API}/audio/speech`) return handleSpeech(ctx, req, res);
      if (req.method === "POST" && p === `${API}/chat/completions`) return handleChat(ctx, req, res);
      const q = new RegExp(`^${API}/async-result/([^/]+)$`).exec(p);
      if (req.method === "GET" && q?.[1]) return handleQuery(ctx, req, res, decodeURIComponent(q[1]));
      if ((req.method === "GET" || req.method === "HEAD") && p.startsWith("/files/")) return handleFile(ctx, req, res, url);
      if (opts.controlRoutes && p.startsWith("/__sim/")) return handleControl(ctx, control, req, res, p);
      sendJson(res, 404, { error: { code: "1222", message: "API 不存在。" } });
    };
    route().catch((e: unknown) => {
      console.error("[simulator] handler error:", e instanceof Error ? e.message : e);
      if (!res.headersSent) sendJson(res, 500, { error: { code: "500", message: "服务器内部错误，请稍后重试。" } });
      else res.destroy();
    });
  });

  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port, opts.host, () => ok());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  ctx.origin = `http://${host}:${addr.port}`;

  return {
    url: ctx.origin,
    baseUrl: `${ctx.origin}${API}`,
    keys: [...account.keys],
    control,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
