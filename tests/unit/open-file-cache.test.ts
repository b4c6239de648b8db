import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type OpenedFile, openFileCache } from "@/lib/server/storage/open-file-cache";

// The descriptor cache behind the local driver's openRead: one open per file and validity window,
// shared by concurrent reads, and a descriptor closed exactly once, only after its last reader let go.

const VALID_MS = 1_000;

function fakeDisk() {
  let nextFd = 10;
  const opened: { path: string; fd: number }[] = [];
  const closed: number[] = [];
  const missing = new Set<string>();
  const open = (p: string) => async (): Promise<OpenedFile> => {
    await Promise.resolve();
    if (missing.has(p)) throw Object.assign(new Error(`ENOENT ${p}`), { code: "ENOENT" });
    const fd = nextFd++;
    opened.push({ path: p, fd });
    return { fd, stat: { size: fd * 100, mtimeMs: 0, etag: `"${fd}"` } };
  };
  /** Descriptors opened and not closed. */
  const open_ = () => opened.map((o) => o.fd).filter((fd) => !closed.includes(fd));
  return { open, opened, closed, missing, openNow: open_ };
}

describe("openFileCache", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("opens a file once for concurrent reads, which share its descriptor and stat", async () => {
    const disk = fakeDisk();
    const cache = openFileCache({ validMs: VALID_MS, maxEntries: 8, close: (fd) => disk.closed.push(fd) });
    const leases = await Promise.all([1, 2, 3].map(() => cache.acquire("/m/a.mp4", disk.open("/m/a.mp4"))));
    expect(disk.opened).toHaveLength(1);
    expect(new Set(leases.map((l) => l.fd)).size).toBe(1);
    expect(leases[0]?.stat).toEqual(leases[2]?.stat);
    for (const l of leases) l.release();
    // Released but still valid: the next read reuses it without opening.
    const again = await cache.acquire("/m/a.mp4", disk.open("/m/a.mp4"));
    expect(again.fd).toBe(leases[0]?.fd);
    expect(disk.opened).toHaveLength(1);
    expect(disk.closed).toEqual([]);
    again.release();
  });

  it("retires an entry after validMs: idle, it is closed then; in use, when its last reader lets go", async () => {
    const disk = fakeDisk();
    const cache = openFileCache({ validMs: VALID_MS, maxEntries: 8, close: (fd) => disk.closed.push(fd) });
    const idle = await cache.acquire("/m/idle.mp4", disk.open("/m/idle.mp4"));
    idle.release();
    const busy = await cache.acquire("/m/busy.mp4", disk.open("/m/busy.mp4"));
    await vi.advanceTimersByTimeAsync(VALID_MS - 1);
    expect(disk.closed).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(disk.closed).toEqual([idle.fd]);
    expect(cache.size()).toBe(0);
    // A read after the window opens the file again, while the retired descriptor stays with its reader.
    const fresh = await cache.acquire("/m/busy.mp4", disk.open("/m/busy.mp4"));
    expect(fresh.fd).not.toBe(busy.fd);
    expect(disk.closed).toEqual([idle.fd]);
    busy.release();
    busy.release(); // twice is harmless: closed once, and the fresh entry is untouched
    expect(disk.closed).toEqual([idle.fd, busy.fd]);
    fresh.release();
    expect(disk.openNow()).toEqual([fresh.fd]);
  });

  it("retire and retireUnder make the next read open again (this process's put and delete)", async () => {
    const disk = fakeDisk();
    const cache = openFileCache({ validMs: VALID_MS, maxEntries: 8, close: (fd) => disk.closed.push(fd) });
    const paths = ["/m/clips/a/video.mp4", "/m/clips/a/poster.jpg", "/m/clips/ab/video.mp4"];
    const first = await Promise.all(paths.map((p) => cache.acquire(p, disk.open(p))));
    for (const l of first) l.release();
    cache.retire("/m/clips/ab/video.mp4");
    expect(disk.closed).toEqual([first[2]?.fd]);
    // "/m/clips/a" holds two of them; "/m/clips/ab" is another folder, not under it.
    const b = await cache.acquire("/m/clips/ab/video.mp4", disk.open("/m/clips/ab/video.mp4"));
    cache.retireUnder("/m/clips/a");
    expect(disk.closed.sort()).toEqual([first[0]?.fd, first[1]?.fd, first[2]?.fd].sort());
    expect(cache.size()).toBe(1);
    const reopened = await cache.acquire(paths[0] as string, disk.open(paths[0] as string));
    expect(reopened.fd).not.toBe(first[0]?.fd);
    expect(disk.opened).toHaveLength(5);
    reopened.release();
    b.release();
  });

  it("does not remember a failed open: the error reaches the reader and the next read asks again", async () => {
    const disk = fakeDisk();
    const cache = openFileCache({ validMs: VALID_MS, maxEntries: 8, close: (fd) => disk.closed.push(fd) });
    disk.missing.add("/m/late.mp4");
    await expect(cache.acquire("/m/late.mp4", disk.open("/m/late.mp4"))).rejects.toMatchObject({ code: "ENOENT" });
    expect(cache.size()).toBe(0);
    disk.missing.delete("/m/late.mp4");
    const lease = await cache.acquire("/m/late.mp4", disk.open("/m/late.mp4"));
    expect(disk.opened.map((o) => o.path)).toEqual(["/m/late.mp4"]);
    lease.release();
  });

  it("an entry retired while its open was under way still serves the reads waiting for it, then closes", async () => {
    const disk = fakeDisk();
    const cache = openFileCache({ validMs: VALID_MS, maxEntries: 8, close: (fd) => disk.closed.push(fd) });
    const waiting = [cache.acquire("/m/x.mp4", disk.open("/m/x.mp4")), cache.acquire("/m/x.mp4", disk.open("/m/x.mp4"))];
    cache.retire("/m/x.mp4"); // a delete lands before the open does
    const [l1, l2] = await Promise.all(waiting);
    expect(l1?.fd).toBe(l2?.fd);
    expect(disk.closed).toEqual([]);
    const next = await cache.acquire("/m/x.mp4", disk.open("/m/x.mp4"));
    expect(next.fd).not.toBe(l1?.fd);
    l1?.release();
    expect(disk.closed).toEqual([]);
    l2?.release();
    expect(disk.closed).toEqual([l1?.fd]);
    next.release();
    // No timer was left behind for the retired-at-birth entry: the window closes only the fresh one.
    await vi.advanceTimersByTimeAsync(VALID_MS);
    expect(disk.closed).toEqual([l1?.fd, next.fd]);
    expect(disk.openNow()).toEqual([]);
  });

  it("beyond maxEntries a read gets its own descriptor, closed as soon as it is released", async () => {
    const disk = fakeDisk();
    const cache = openFileCache({ validMs: VALID_MS, maxEntries: 2, close: (fd) => disk.closed.push(fd) });
    const held = await Promise.all(["/m/1", "/m/2"].map((p) => cache.acquire(p, disk.open(p))));
    const over = await cache.acquire("/m/3", disk.open("/m/3"));
    expect(cache.size()).toBe(2);
    over.release();
    expect(disk.closed).toEqual([over.fd]);
    for (const l of held) l.release();
    expect(disk.closed).toEqual([over.fd]);
    await vi.advanceTimersByTimeAsync(VALID_MS);
    expect(disk.openNow()).toEqual([]);
  });
});
