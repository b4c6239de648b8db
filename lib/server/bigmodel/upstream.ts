import "server-only";
import path from "node:path";
import { env, usingSimulator } from "@/lib/server/env";
import type { RepeatRequestIdBehaviour } from "@/lib/shared/upstream/upstream-facts";
import { createChatClient, type ChatClient } from "./chat";
import { type BigModelClientOptions, createBigModelClient, type BigModelClient } from "./client";
import { createImagesClient, type ImagesClient } from "./images";
import { configuredMediaModels } from "./media-models";
import { createSpeechClient, type SpeechClient } from "./speech";

// Chooses the upstream once per process: the real BigModel API when BIGMODEL_API_KEY is set,
// otherwise the built-in simulator started in this process on 127.0.0.1 (ephemeral port) with the
// account's own generated key. Either way callers get the same HTTP client, so nothing else knows
// which one runs.

export type UpstreamMode = "bigmodel" | "simulator";

export interface Upstream {
  client: BigModelClient;
  /** Chat completions with the same key (prompt help). */
  chat: ChatClient;
  /** CogView stills and GLM-TTS speech with the same key (models from BIGMODEL_IMAGE_MODEL / BIGMODEL_SPEECH_MODEL). */
  images: ImagesClient;
  speech: SpeechClient;
  mode: UpstreamMode;
  /** Origins result URLs may be downloaded from (scheme://host[:port]); none = any public https host. */
  mediaOrigins: string[];
  /** The built-in simulator knows its own repeat-request_id switch; the platform's comes from upstream:check. */
  repeatBehaviour?: () => RepeatRequestIdBehaviour;
  /** The built-in simulator's base URL and key (upstream:check talks to it directly). */
  endpoint?: { baseUrl: string; apiKey: string };
}

interface Cached {
  upstream: Promise<Upstream>;
  close?: () => Promise<void>;
}

// globalThis survives Next's dev-mode module reloads, so there is one simulator per process.
const KEY = "__framehouseUpstream";
type Holder = { [KEY]?: Cached };
const holder = globalThis as unknown as Holder;

/** Cheap and synchronous: which upstream this process uses (for badges and health output). */
export function upstreamMode(): UpstreamMode {
  return usingSimulator() ? "simulator" : "bigmodel";
}

/** `aigc-files.bigmodel.cn` → `https://aigc-files.bigmodel.cn`; entries with a scheme stay as given. */
export function mediaOriginsFrom(hosts: string): string[] {
  return hosts
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean)
    .map((h) => {
      try {
        return new URL(h.includes("://") ? h : `https://${h}`).origin;
      } catch {
        return undefined;
      }
    })
    .filter((o): o is string => !!o);
}

/** The four endpoint clients on one base URL and key (video, chat, stills, speech). */
export function upstreamClients(options: BigModelClientOptions): Pick<Upstream, "client" | "chat" | "images" | "speech"> {
  const models = configuredMediaModels();
  return {
    client: createBigModelClient(options),
    chat: createChatClient(options),
    images: createImagesClient({ ...options, model: models.image }),
    speech: createSpeechClient({ ...options, model: models.speech }),
  };
}

async function build(cache: Cached): Promise<Upstream> {
  const e = env();
  const limits = { connectTimeoutMs: e.BIGMODEL_CONNECT_TIMEOUT_MS, requestTimeoutMs: e.BIGMODEL_REQUEST_TIMEOUT_MS };
  if (e.BIGMODEL_API_KEY) {
    const options = { baseUrl: e.BIGMODEL_BASE_URL, apiKey: e.BIGMODEL_API_KEY, ...limits };
    return {
      mode: "bigmodel",
      ...upstreamClients(options),
      mediaOrigins: mediaOriginsFrom(e.BIGMODEL_MEDIA_HOSTS),
    };
  }
  // Loaded only in simulator mode, so a production process never imports it.
  const { startSimulator } = await import("@/lib/simulator/server");
  const stateDir = path.resolve(e.DATA_DIR, "simulator");
  const sim = await startSimulator({
    host: "127.0.0.1",
    port: 0,
    stateDir,
    cacheDir: e.SIMULATOR_RENDER_CACHE_DIR ? path.resolve(e.SIMULATOR_RENDER_CACHE_DIR) : path.join(stateDir, "renders"),
    speed: e.SIMULATOR_SPEED,
    failRate: e.SIMULATOR_FAIL_RATE,
    concurrency: e.SIMULATOR_CONCURRENCY,
    urlTtlSeconds: e.SIMULATOR_URL_TTL_SECONDS,
  });
  cache.close = sim.close;
  const apiKey = sim.keys[0];
  if (!apiKey) throw new Error("simulator started without a key");
  return {
    mode: "simulator",
    ...upstreamClients({ baseUrl: sim.baseUrl, apiKey, ...limits }),
    mediaOrigins: [sim.url],
    repeatBehaviour: () => sim.control.switches().repeatRequestId,
    endpoint: { baseUrl: sim.baseUrl, apiKey },
  };
}

export function getUpstream(): Promise<Upstream> {
  let cached = holder[KEY];
  if (!cached) {
    const fresh: Cached = { upstream: Promise.resolve() as unknown as Promise<Upstream> };
    fresh.upstream = build(fresh).catch((err: unknown) => {
      // Do not cache a failed start: the next call tries again.
      if (holder[KEY] === fresh) delete holder[KEY];
      throw err;
    });
    holder[KEY] = cached = fresh;
  }
  return cached.upstream;
}

/** Stops an in-process simulator and forgets the cached upstream (tests, graceful shutdown). */
export async function closeUpstream(): Promise<void> {
  const cached = holder[KEY];
  delete holder[KEY];
  if (!cached) return;
  await cached.upstream.catch(() => undefined);
  await cached.close?.();
}
