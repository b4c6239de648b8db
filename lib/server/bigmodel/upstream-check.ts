import "server-only";
import { randomUUID } from "node:crypto";
import { VIDEO_MODELS, type VideoModel } from "@/lib/shared/upstream/video-models";
import type { Probe, RepeatKnowledge, UpstreamFacts } from "@/lib/shared/upstream/upstream-facts";
import { httpCall } from "./http-call";
import { safeSnippet } from "./upstream-error";

// `npm run upstream:check` (scripts/upstream-check.ts): learns what docs/upstream.md lists as
// assumptions, from the platform itself. Free part: the key and, per model, the answers to requests
// that are invalid on purpose (each carries a field the platform documents as invalid, so none can
// start a billed task). Paid part (spend: true only): one minimal text clip, created twice with the
// same request_id (refused / same task / a second billed task), then polled to learn the result host
// and the generation time. Raw HTTP on purpose: the typed client refuses to send invalid bodies.

export interface UpstreamCheckOptions {
  baseUrl: string;
  apiKey: string;
  upstream: UpstreamFacts["upstream"];
  spend: boolean;
  /** Price of one clip in fen, printed before anything is paid for. */
  priceFen: number;
  out: (line: string) => void;
  pollEveryMs?: number;
  /** How long the paid clip may take before the check stops polling (it is still paid). */
  pollTimeoutMs?: number;
  requestTimeoutMs?: number;
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

const INVALID_AMPLITUDE = "not-a-documented-amplitude";
const TINY_PNG_BAD = "data:image/png;base64,@@@@";

/** Per model: probe name → body. Every body is invalid in at least one documented way. */
function probesFor(model: VideoModel): Record<string, Record<string, unknown>> {
  const invalid = { movement_amplitude: INVALID_AMPLITUDE };
  const nulls = { request_id: null, user_id: null, with_audio: null, quality: null, fps: null };
  if (model === "viduq1-text") {
    return {
      "minimal+bad-enum": { model, prompt: "a paper boat", ...invalid },
      "nulls+bad-enum": { model, prompt: "a paper boat", ...nulls, ...invalid },
      "missing-prompt": { model, ...invalid },
      "bad-aspect": { model, prompt: "a paper boat", aspect_ratio: "4:3", ...invalid },
    };
  }
  const one = "https://example.com/never-fetched.png";
  const url = model === "viduq1-image" ? one : [one, one];
  return {
    "minimal+bad-enum": { model, image_url: url, ...invalid },
    "nulls+bad-enum": { model, image_url: url, ...nulls, prompt: null, ...invalid },
    "missing-image": { model, ...invalid },
    "bad-base64": { model, image_url: model === "viduq1-image" ? TINY_PNG_BAD : [TINY_PNG_BAD, TINY_PNG_BAD], ...invalid },
  };
}

function probeOf(r: Reply, secrets: string[]): Probe {
  const err = r.body.error as { code?: unknown; message?: unknown } | undefined;
  const code = typeof err?.code === "string" ? err.code : undefined;
  const detail = typeof err?.message === "string" ? safeSnippet(err.message, secrets) : undefined;
  return { ok: r.status >= 200 && r.status < 300, httpStatus: r.status, ...(code ? { code } : {}), ...(detail ? { detail } : {}) };
}

export async function runUpstreamCheck(o: UpstreamCheckOptions): Promise<UpstreamFacts> {
  const base = o.baseUrl.replace(/\/+$/, "");
  const secrets = [o.apiKey];
  async function call(method: "GET" | "POST", path: string, body?: unknown): Promise<Reply> {
    const res = await httpCall({
      url: new URL(`${base}${path}`),
      method,
      headers: { Authorization: `Bearer ${o.apiKey}`, Accept: "application/json", ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
      connectTimeoutMs: 8_000,
      requestTimeoutMs: o.requestTimeoutMs ?? 60_000,
      maxResponseBytes: 1024 * 1024,
    });
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.body.toString("utf8"));
    } catch {
      parsed = {};
    }
    return { status: res.status, body: typeof parsed === "object" && parsed !== null ? (parsed as Record<string, unknown>) : {} };
  }

  o.out(`upstream:check against ${base} (${o.upstream})`);
  const keyReply = await call("POST", "/videos/generations", { model: "viduq1-text", movement_amplitude: INVALID_AMPLITUDE });
  const key = probeOf(keyReply, secrets);
  key.ok = keyReply.status !== 401 && keyReply.status !== 403;
  o.out(`key: ${key.ok ? "accepted" : "REFUSED"} (HTTP ${key.httpStatus}${key.code ? ` ${key.code}` : ""})`);

  const models: UpstreamFacts["models"] = {};
  for (const model of VIDEO_MODELS) {
    models[model] = {};
    for (const [name, body] of Object.entries(probesFor(model))) {
      const p = probeOf(await call("POST", "/videos/generations", body), secrets);
      models[model][name] = p;
      o.out(`  ${model} ${name}: HTTP ${p.httpStatus}${p.code ? ` ${p.code}` : ""}${p.detail ? ` ${p.detail}` : ""}`);
      if (p.ok) o.out(`  WARNING: ${model} ${name} was ACCEPTED although invalid: the platform may have billed a task`);
    }
  }

  const facts: UpstreamFacts = {
    checkedAt: new Date().toISOString(),
    upstream: o.upstream,
    baseUrl: base,
    key,
    models,
    repeatRequestId: "unknown",
    resultHosts: [],
    generationSeconds: null,
    spentClips: 0,
  };
  if (!o.spend) {
    o.out("repeat request_id: unknown (run with --spend to measure it with one paid clip)");
    return facts;
  }
  if (!key.ok) {
    o.out("--spend skipped: the key was refused");
    return facts;
  }

  o.out(`--spend: one text clip at ${(o.priceFen / 100).toFixed(2)} yuan (a second one if the platform bills a repeated request_id)`);
  const body = { model: "viduq1-text", prompt: "upstream check: a paper boat on calm water", request_id: `upstream-check-${randomUUID()}` };
  const first = await call("POST", "/videos/generations", body);
  const firstId = typeof first.body.id === "string" ? first.body.id : undefined;
  if (!firstId) {
    o.out(`paid clip not accepted: HTTP ${first.status} ${JSON.stringify(probeOf(first, secrets))}`);
    return facts;
  }
  facts.spentClips = 1;
  const acceptedAt = Date.now();
  const second = await call("POST", "/videos/generations", body);
  const secondId = typeof second.body.id === "string" ? second.body.id : undefined;
  let repeat: RepeatKnowledge = "unknown";
  if (secondId === firstId) repeat = "same";
  else if (secondId) {
    repeat = "accepted";
    facts.spentClips = 2;
  } else if (probeOf(second, secrets).code === "1231") repeat = "refused";
  facts.repeatRequestId = repeat;
  o.out(`repeat request_id: ${repeat} (second create: HTTP ${second.status}${secondId ? ` id ${secondId}` : ` ${probeOf(second, secrets).code ?? ""}`})`);

  const every = o.pollEveryMs ?? 10_000;
  const deadline = acceptedAt + (o.pollTimeoutMs ?? 15 * 60_000);
  for (;;) {
    const r = await call("GET", `/async-result/${encodeURIComponent(firstId)}`);
    const status = r.body.task_status;
    if (status === "SUCCESS" || status === "FAIL") {
      facts.generationSeconds = Math.round((Date.now() - acceptedAt) / 1000);
      const results = Array.isArray(r.body.video_result) ? (r.body.video_result as Record<string, unknown>[]) : [];
      const hosts = new Set<string>();
      for (const v of results) {
        for (const u of [v.url, v.cover_image_url]) {
          if (typeof u === "string") {
            try {
              hosts.add(new URL(u).host);
            } catch {
              // not a URL: nothing to learn
            }
          }
        }
      }
      facts.resultHosts = [...hosts];
      o.out(`paid clip: ${status} after ${facts.generationSeconds} s; result hosts: ${facts.resultHosts.join(", ") || "none"}`);
      break;
    }
    if (Date.now() > deadline) {
      o.out(`paid clip still ${String(status)} at the deadline; result host and timing stay unknown`);
      break;
    }
    await new Promise((ok) => setTimeout(ok, every));
  }
  return facts;
}
