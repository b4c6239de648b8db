import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { packageMediaNames, safeFileName } from "@/lib/server/film-handoff/file-names";
import { type HandoffVoiceLine, handoffResponse, planHandoff } from "@/lib/server/film-handoff/handoff-package";
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

async function unzipPackage(cut: Cut, name: string, voices: HandoffVoiceLine[] = []): Promise<{ file: string; entries: string[]; opened: string[]; res: Response }> {
  const opened: string[] = [];
  const res = handoffResponse(
    cut,
    async (mediaName) => {
      opened.push(mediaName);
      return Readable.from([takeBytes(mediaName)]);
    },
    voices,
  );
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

  it("adds the current voice-overs under audio/, on the timelines' audio tracks, and names the lines left out", async () => {
    const voicedCut = makeCut([
      clip(1, { caption: "Dawn", voice: { mediaName: "voice-01.wav", frames: 40 } }),
      clip(2, { caption: "Changed line", voice: { mediaName: "voice-02.wav", frames: 40 } }),
      clip(3, { caption: "Not spoken yet" }),
      clip(4, { caption: "No speaker", voice: { mediaName: "voice-04.wav", frames: 30 } }),
    ]);
    const lines: HandoffVoiceLine[] = [
      { shotId: "shot-1", speaker: "Mei/../老陈", leftOut: null },
      { shotId: "shot-2", speaker: "Tom", leftOut: "stale" },
      { shotId: "shot-3", speaker: "Ana", leftOut: "missing" },
    ];
    const { file, entries, opened } = await unzipPackage(voicedCut, "voiced.zip", lines);
    expect(entries.filter((e) => e.startsWith("audio/"))).toEqual(["audio/01-Mei .. 老陈.wav", "audio/04-voice.wav"]);
    // Takes first, then the voices in shot order, each opened once; the stale one never.
    expect(opened).toEqual(["shot-01.mp4", "shot-02.mp4", "shot-03.mp4", "shot-04.mp4", "voice-01.wav", "voice-04.wav"]);
    expect(entryBytes(file, "audio/01-Mei .. 老陈.wav").equals(takeBytes("voice-01.wav"))).toBe(true);
    expect(entryBytes(file, "audio/04-voice.wav").equals(takeBytes("voice-04.wav"))).toBe(true);
    const audio = new Set(entries);
    const otio = readOtio(entryText(file, "Harbour at dawn.otio"));
    const fcp = readFcpxml(entryText(file, "Harbour at dawn.fcpxml"));
    const edl = readEdl(entryText(file, "Harbour at dawn.edl"));
    for (const a of [...otio.audio, ...fcp.audio]) expect(audio).toContain(decodeURIComponent(a.mediaPath));
    for (const a of edl.audio) expect(audio).toContain(`audio/${a.mediaPath}`);
    expect(otio.audio.map((a) => [a.recordIn, a.recordOut])).toEqual([[0, 40], [360, 390]]);
    expect(edl.audio).toHaveLength(2);
    const readme = entryText(file, "README.txt");
    expect(readme).toContain("audio/01-Mei .. 老陈.wav");
    expect(readme).toContain("audio/04-voice.wav");
    expect(readme).toContain("shot 2 (Tom): its caption changed after it was spoken");
    expect(readme).toContain("shot 3 (Ana): no voice file");
    expect(readme).toContain("镜头 2 (Tom)");
    // The stale voice is not in the captions' timing either: shot 2's caption shows for its whole clip.
    const cues = readSrt(entryText(file, "Harbour at dawn.srt"));
    expect(cues.map((c) => [c.text, c.startMs, c.endMs])).toEqual([["Dawn", 0, 1667], ["Changed line", 5000, 10000], ["Not spoken yet", 10000, 15000], ["No speaker", 15000, 16250]]);
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
