import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, describe, expect, it } from "vitest";
import { streamZip, type ZipFile } from "@/lib/server/media/stream-zip";
import { waitFor } from "../support/wait-for";

// The one streamed zip (gallery export, film hand-off), read back with Info-ZIP's unzip: order, methods
// and bytes; one file open at a time; a client that goes away or a file that cannot be opened ends the
// stream without opening the rest.

const dir = mkdtempSync(path.join(tmpdir(), "stream-zip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const date = new Date("2026-12-01T10:00:00Z");

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** `unzip -v`: each entry's name and method ("Defl:N", "Stored"), in the archive's order. */
function listing(file: string): { name: string; method: string }[] {
  const r = spawnSync("unzip", ["-v", file], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout
    .split("\n")
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 8 && /^\d+$/.test(f[0]!) && /^(Defl|Stored)/.test(f[1]!))
    .map((f) => ({ method: f[1]!, name: f.slice(7).join(" ") }));
}

describe("streamZip", () => {
  it("writes the texts deflated, then each file stored with its bytes, in the order given", async () => {
    const bytes = (n: number) => Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * n) & 0xff));
    const zip = streamZip(
      [{ name: "manifest.json", content: JSON.stringify({ clips: ["a", "b"] }).repeat(50), date }],
      [
        { name: "media/a.mp4", date, open: async () => Readable.from([bytes(3)]) },
        { name: "media/第二镜.mp4", date, open: async () => Readable.from([bytes(7)]) },
      ],
      "test zip",
    );
    const file = path.join(dir, "order.zip");
    writeFileSync(file, await collect(zip));
    expect(spawnSync("unzip", ["-tq", file]).status).toBe(0);
    expect(listing(file)).toEqual([
      { name: "manifest.json", method: "Defl:N" },
      { name: "media/a.mp4", method: "Stored" },
      { name: "media/第二镜.mp4", method: "Stored" },
    ]);
    expect(spawnSync("unzip", ["-p", file, "media/第二镜.mp4"]).stdout.equals(bytes(7))).toBe(true);
  });

  it("opens a file only after the one before it was written", async () => {
    const events: string[] = [];
    const file = (name: string): ZipFile => ({
      name,
      date,
      open: async () => {
        events.push(`open ${name}`);
        const s = Readable.from([Buffer.alloc(100_000, name)]);
        s.on("end", () => events.push(`end ${name}`));
        return s;
      },
    });
    await collect(streamZip([], [file("a"), file("b"), file("c")], "test zip"));
    expect(events).toEqual(["open a", "end a", "open b", "end b", "open c", "end c"]);
  });

  it("a reader that goes away destroys the open file and opens no other", async () => {
    const opened: string[] = [];
    const first = new PassThrough();
    const zip = streamZip(
      [],
      ["a", "b"].map((name) => ({
        name,
        date,
        open: async () => {
          opened.push(name);
          return first;
        },
      })),
      "test zip",
    );
    zip.resume();
    first.write(Buffer.alloc(1000, 1)); // a never ends: the zip stays inside its first entry
    await waitFor("the first file to be open", async () => opened.length === 1, 4_000, 10);
    zip.destroy();
    await waitFor("the open file to be destroyed", async () => first.destroyed, 4_000, 10);
    expect(opened).toEqual(["a"]);
  });

  it("a file that cannot be opened ends the stream with an error, and the rest stay unopened", async () => {
    const opened: string[] = [];
    const zip = streamZip(
      [{ name: "README.txt", content: "hello", date }],
      ["a", "b", "c"].map((name) => ({
        name,
        date,
        open: async () => {
          opened.push(name);
          if (name === "b") throw new Error("object missing");
          return Readable.from([Buffer.from(name)]);
        },
      })),
      "test zip",
    );
    await expect(text(zip)).rejects.toThrow("object missing");
    expect(opened).toEqual(["a", "b"]);
  });
});
