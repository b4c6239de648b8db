import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadDefaultRenderer, type RenderFn } from "@/lib/simulator/render-contract";

// Shared helpers for simulator tests: a fake renderer that writes small deterministic files, a temp
// dir factory, and a tiny JSON-over-fetch helper.

const made: string[] = [];

/** A fresh directory under the OS temp dir, removed after the test file (tests/support/remove-temp-dirs.ts). */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes every directory tempDir made in this test file's module graph. */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

export const fakeRender: RenderFn = async (input, { cacheDir }) => {
  fs.mkdirSync(cacheDir, { recursive: true });
  const key = `${input.mode}-${Math.random().toString(16).slice(2)}`;
  const videoPath = path.join(cacheDir, `${key}.mp4`);
  const coverPath = path.join(cacheDir, `${key}.jpg`);
  fs.writeFileSync(videoPath, Buffer.from(Array.from({ length: 10_000 }, (_, i) => i % 251)));
  fs.writeFileSync(coverPath, Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
  return { videoPath, coverPath, key, ms: 1, cached: false };
};

/**
 * The real renderer, but every image and start–end task gets the clip of one fixed text prompt (16:9)
 * and text tasks theirs: after the first render of each, the simulator's renders are cache hits.
 * For runs that measure or depend on the worker's schedule, not on the simulator's ffmpeg (which on a
 * loaded 2-core machine can outlast a scaled poll ceiling when every chained take has a new input frame).
 */
export const sharedClipRender: RenderFn = async (input, opts) => {
  const render = await loadDefaultRenderer();
  if (input.mode === "text") return render(input, opts);
  return render({ mode: "text", prompt: "A shared clip for every image task", style: "general", aspectRatio: "16:9" }, opts);
};

export interface JsonReply {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

export async function api(url: string, key: string | undefined, body?: unknown): Promise<JsonReply> {
  const headers: Record<string, string> = {};
  if (key !== undefined) headers.Authorization = `Bearer ${key}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(url, {
    method: body === undefined ? "GET" : "POST",
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Record<string, unknown>, headers: res.headers };
}

export const EXAMPLES = {
  text: {
    model: "viduq1-text",
    style: "anime",
    prompt: "Peter Rabbit drives a small car along the road, his face filled with joy and happiness.",
    duration: 5,
    aspect_ratio: "16:9",
    size: "1920x1080",
    movement_amplitude: "auto",
  },
  image: {
    model: "viduq1-image",
    image_url: "https://example.com/path/to/your/image.jpg",
    prompt: "…",
    duration: 5,
    size: "1920x1080",
    movement_amplitude: "auto",
  },
  startEnd: {
    model: "viduq1-start-end",
    image_url: ["https://example.com/a.jpg", "https://example.com/b.jpg"],
    prompt: "…",
    duration: 5,
    size: "1920x1080",
    movement_amplitude: "auto",
  },
} as const;
