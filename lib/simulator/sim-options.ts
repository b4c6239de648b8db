import type { ImageFetcher } from "./fetch-image";
import type { RepeatRequestIdBehaviour } from "@/lib/shared/upstream/upstream-facts";
import type { RenderFn } from "./render-contract";
import { IMAGE_URL_TTL_SECONDS } from "@/lib/shared/upstream/image-models";

// Plain options for startSimulator(); only the wiring (scripts/simulator.ts, lib/server/bigmodel/
// upstream.ts) maps environment variables onto them.

export interface SimulatorOptions {
  /** Listen host; 127.0.0.1 unless you know you want it exposed. */
  host?: string;
  /** 0 = ephemeral. */
  port?: number;
  /** Accepted API keys. Default: one generated demo key (persisted in stateDir when given). */
  keys?: string[];
  /** Directory for task JSON, inputs and the account file; omit for memory only. */
  stateDir?: string;
  /** Render cache directory (default: <stateDir>/renders or a temp dir). */
  cacheDir?: string;
  /** Generation-time divisor: 1 = realistic (90–300 s), 100 = about 1–3 s. */
  speed?: number;
  /** Probability a task ends in FAIL. */
  failRate?: number;
  /** PROCESSING tasks allowed per key per model before 429 1302. */
  concurrency?: number;
  /** Result URL lifetime (seconds). Default 86 400 (the documented one day). */
  urlTtlSeconds?: number;
  /** Still (image) URL lifetime (seconds). Default 30 days (docs/upstream.md, "Images (CogView-4)"). */
  imageUrlTtlSeconds?: number;
  /** The espeak-ng binary for simulated speech; when it cannot be started, a tone stands in. */
  espeakPath?: string;
  /** Prompt substrings that trigger 400 1301. */
  unsafeMarkers?: string[];
  /**
   * What a create repeating an earlier request_id gets (UNVERIFIED upstream; docs/upstream.md):
   * refused (400 1231, the code table's reading), accepted (a new billed task), same (the first task).
   */
  repeatRequestId?: RepeatRequestIdBehaviour;
  /** The code for a prompt over 512 characters (UNVERIFIED upstream: 1261 as documented, or 1214). */
  promptTooLongCode?: "1261" | "1214";
  /** How long a chat answer takes at speed 1 (divided by speed). */
  chatLatencyMs?: number;
  /** Max create body bytes (base64 images included). */
  maxBodyBytes?: number;
  maxImageBytes?: number;
  /** Renders running at once (ffmpeg is CPU bound; the machines have 2 cores). */
  renderConcurrency?: number;
  /** Injected renderer (tests); default loads lib/simulator/render/render-clip. */
  render?: RenderFn;
  /** Injected image downloader for https image_url (tests). */
  fetchImage?: ImageFetcher;
  /** Wall clock in ms (tests); control.advanceTime() adds an offset on top. */
  now?: () => number;
  /** Random source in [0,1) (tests). */
  random?: () => number;
  /** Serve /__sim/control and /__sim/stats (they still require a valid key). */
  controlRoutes?: boolean;
}

export type ResolvedOptions = Required<Omit<SimulatorOptions, "keys" | "stateDir" | "render" | "fetchImage" | "cacheDir">> & {
  stateDir?: string;
  cacheDir: string;
  render?: RenderFn;
  fetchImage?: ImageFetcher;
};

export const SIMULATOR_DEFAULTS = {
  host: "127.0.0.1",
  port: 0,
  speed: 1,
  failRate: 0,
  concurrency: 5,
  urlTtlSeconds: 86_400,
  imageUrlTtlSeconds: IMAGE_URL_TTL_SECONDS,
  espeakPath: "espeak-ng",
  repeatRequestId: "refused",
  promptTooLongCode: "1261",
  unsafeMarkers: ["UNSAFE", "违禁"],
  maxBodyBytes: 64 * 1024 * 1024,
  maxImageBytes: 50 * 1024 * 1024,
  renderConcurrency: 2,
  chatLatencyMs: 400,
  controlRoutes: true,
} as const;

/** The switches tests flip at runtime (control.set / POST /__sim/control {"set":{…}}). */
export interface SimSwitches {
  noBalance: boolean;
  overloaded: boolean;
  failRate: number;
  concurrency: number;
  speed: number;
  unsafeMarkers: string[];
  urlTtlSeconds: number;
  imageUrlTtlSeconds: number;
  repeatRequestId: RepeatRequestIdBehaviour;
  promptTooLongCode: "1261" | "1214";
}
