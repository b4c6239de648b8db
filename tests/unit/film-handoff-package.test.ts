import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { packageMediaNames, safeFileName } from "@/lib/server/film-handoff/file-names";
import { handoffResponse, planHandoff } from "@/lib/server/film-handoff/handoff-package";
import { AppError } from "@/lib/server/errors";
import type { Cut } from "@/lib/shared/film/cut";
import { clip, makeCut } from "../support/film-cuts";
import { readEdl, readFcpxml, readOtio, readSrt } from "../support/timeline-readers";

// The hand-off zip, unzipped with the system's unzip: the entries the brief lists, each take's bytes
// untouched, and every media path in every timeline file pointing at an entry of the same zip.

const dir = mkdtempSync(path.join(tmpdir(), "film-handoff-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Distinct bytes per take, so a swapped or truncated entry shows. */
function takeBytes(mediaName: string): Buffer {
  const seed = Buffer.from(mediaName, "utf8");
  return Buffer.concat(Array.from({ length: 2000 }, (_, i) => Buffer.from([i & 0xff, ...seed])));
}

async function unzipPackage(cut: Cut, name: string): Promise<{ file: string; entries: string[]; opened: string[]; res: Response }> {
  const opened: string[] = [];
  const res = handoffResponse(cut, async (mediaName) => {
    opened.push(mediaName);
    return Readable.from([takeBytes(mediaName)]);
  });
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const test = spawnSync("unzip", ["-tq", file], { encoding: "utf8" });
  expect(test.status, test.stdout + test.stderr).toBe(0);
  const listing = spawnSync("unzip", ["-Z1", file], { encoding: "utf8" });
  return { file, entries: listing.stdout.trim().split("\n"), opened, res };
}

function entryText(file: string, entry: string): string {
  // unzip treats [ * ? in names as wildcards; bracketing each one makes it literal.
  const r = spawnSync("unzip", ["-p", file, entry.replace(/[[*?]/g, "[$&]")], { encoding: "buffer" });
  expect(r.status).toBe(0);
  return r.stdout.toString("utf8");
}

function entryBytes(file: string, entry: string): Buffer {
  return spawnSync("unzip", ["-p", file, entry.replace(/[[*?]/g, "[$&]")]).stdout;
}

const cut = makeCut(
  [
    clip(1, { mediaName: "shot-01.mp4", caption: "港口的黎明", transitionOut: { kind: "crossfade", frames: 12 } }),
    clip(2, { mediaName: "../../etc/passwd", caption: `She said "<go>" & left`, transitionOut: { kind: "fade_black", frames: 24 } }),
    clip(3, { mediaName: "第三镜 雨夜 [final]?.mp4", inFrame: 24, outFrame: 96 }),
    // The same take used again: one media entry.
    clip(4, { mediaName: "shot-01.mp4", inFrame: 60, outFrame: 120 }),
  ],
  { title: "雨夜/Harbour: \"cut\" <2>\u0007", aspect: "9:16" },
);

describe("film hand-off package", () => {
  it("streams a zip with the takes, the four timeline files and a README, all paths resolving inside it", async () => {
    const { file, entries, opened, res } = await unzipPackage(cut, "package.zip");
    expect(res.headers.get("content-type")).toBe("application/zip");
    expect(res.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("雨夜 Harbour cut 2.zip")}`);
    const base = "雨夜 Harbour cut 2";
    expect(entries).toEqual([
      "README.txt",
      `${base}.otio`,
      `${base}.fcpxml`,
      `${base}.edl`,
      `${base}.srt`,
      "media/shot-01.mp4",
      "media/etc passwd",
      "media/第三镜 雨夜 [final].mp4",
    ]);
    // Each take is opened once, in order, and stored byte for byte.
    expect(opened).toEqual(["shot-01.mp4", "../../etc/passwd", "第三镜 雨夜 [final]?.mp4"]);
    expect(entryBytes(file, "media/shot-01.mp4").equals(takeBytes("shot-01.mp4"))).toBe(true);
    expect(entryBytes(file, "media/etc passwd").equals(takeBytes("../../etc/passwd"))).toBe(true);
    expect(entryBytes(file, "media/第三镜 雨夜 [final].mp4").equals(takeBytes("第三镜 雨夜 [final]?.mp4"))).toBe(true);

    const media = new Set(entries.filter((e) => e.startsWith("media/")));
    const otio = readOtio(entryText(file, `${base}.otio`));
    const fcpxml = readFcpxml(entryText(file, `${base}.fcpxml`));
    const edl = readEdl(entryText(file, `${base}.edl`));
    for (const p of [...otio.clips.map((c) => c.mediaPath), ...fcpxml.clips.map((c) => c.mediaPath)]) {
      expect(p).not.toMatch(/^[a-z]+:|^\//);
      expect(media).toContain(decodeURIComponent(p));
    }
    for (const c of edl.clips) expect(media).toContain(`media/${c.mediaPath}`);
    expect(otio.clips).toHaveLength(4);
    expect(fcpxml.format).toMatchObject({ width: "1080", height: "1920" });

    const cues = readSrt(entryText(file, `${base}.srt`));
    expect(cues.map((c) => c.text)).toEqual(["港口的黎明", `She said "<go>" & left`]);
    const readme = entryText(file, "README.txt");
    for (const name of [`${base}.otio`, `${base}.fcpxml`, `${base}.edl`, `${base}.srt`]) expect(readme).toContain(name);
    expect(readme).toMatch(/DaVinci Resolve/i);
    expect(readme).toMatch(/Final Cut Pro/i);
    expect(readme).toMatch(/Premiere/i);
  });

  it("refuses a cut that cannot be played before writing a byte", () => {
    const bad: Cut = { title: "x", aspect: "16:9", fps: 24, clips: [clip(1, { inFrame: 0, outFrame: 200 })] };
    let opened = 0;
    const attempt = () =>
      handoffResponse(bad, async () => {
        opened++;
        return Readable.from([]);
      });
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (err) {
      expect(err).toMatchObject({ code: "validation_failed", status: 422, fields: [{ path: "clips.shot-1", key: "errors.field.invalid" }] });
    }
    expect(() => planHandoff({ ...bad, clips: [] })).toThrow(expect.objectContaining({ code: "validation_failed", fields: [{ path: "clips", key: "errors.field.invalid" }] }));
    expect(opened).toBe(0);
  });

  it("aborts the download when a take cannot be read", async () => {
    const res = handoffResponse(makeCut([clip(1), clip(2)]), async (mediaName) => {
      if (mediaName === "shot-02.mp4") throw new Error("object gone");
      return Readable.from([takeBytes(mediaName)]);
    });
    await expect(res.arrayBuffer()).rejects.toThrow();
  });
});

describe("package file names", () => {
  it("keep every script, drop separators and control characters, and never escape the folder", () => {
    expect(safeFileName("港口的黎明", "film")).toBe("港口的黎明");
    expect(safeFileName("a/b\\c:d*e?f\"g<h>i|j\u0000k\u001fl\u0085m", "film")).toBe("a b c d e f g h i j k l m");
    expect(safeFileName("..", "film")).toBe("film");
    expect(safeFileName(" . ", "film")).toBe("film");
    expect(safeFileName("CON", "film")).toBe("film");
    expect(safeFileName("nul.txt", "film")).toBe("film");
    expect(safeFileName("trailing dots...", "film")).toBe("trailing dots");
    expect([...safeFileName("长".repeat(200), "film")]).toHaveLength(80);
    expect(safeFileName("雨が降る 🌧 — final", "film")).toBe("雨が降る 🌧 — final");
  });

  it("give each take one unique name that keeps its extension", () => {
    const names = packageMediaNames(["a.mp4", "A.MP4", "a.mp4", "a?.mp4", "/", `${"x".repeat(120)}.mp4`]);
    expect([...names.values()]).toEqual(["a.mp4", "A-2.mp4", "a-3.mp4", "take-4", `${"x".repeat(80)}.mp4`]);
  });
});
