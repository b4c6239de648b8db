import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertValidPrefix, clipKey, clipPrefix, isValidKey, keyProblem, uploadKey } from "@/lib/server/storage/keys";
import { createStorage } from "@/lib/server/storage/create-storage";
import { StorageError } from "@/lib/server/storage/storage-error";

describe("storage keys", () => {
  it("builds deterministic clip and upload keys", () => {
    expect(clipKey("gen_123", "video.mp4")).toBe("clips/gen_123/video.mp4");
    expect(clipKey("gen_123", "cover.jpg")).toBe("clips/gen_123/cover.jpg");
    expect(clipKey("gen_123", "poster.jpg")).toBe("clips/gen_123/poster.jpg");
    expect(clipKey("gen_123", "preview.mp4")).toBe("clips/gen_123/preview.mp4");
    expect(clipKey("gen_123", "video.mp4")).toBe(clipKey("gen_123", "video.mp4"));
    expect(clipPrefix("gen_123")).toBe("clips/gen_123/");
    expect(uploadKey("c1a2b3", "png")).toBe("uploads/c1a2b3.png");
  });

  it.each(["..", "../x", "a/../b", "a/..", "/etc/passwd", "a\\b", "..\\x", "a//b", "a/", "", ".", "./a", "a/./b",
    ".hidden", "a/.git", "tmp/x", "tmp", "a b", "a/b?c", "a%2f..", "a\0b", "ä", "a/b\nc", "C:/x", "a:b",
    `${"a/".repeat(8)}a`, "x".repeat(600)])("rejects %j", (key) => {
    expect(isValidKey(key)).toBe(false);
    expect(keyProblem(key)).toEqual(expect.any(String));
  });

  it.each(["clips/abc/video.mp4", "uploads/x.png", "a", "a-b_c.d/e", "A1/B2/C3", "tmpx/y", "x/tmp/y"])("accepts %j", (key) => {
    expect(isValidKey(key)).toBe(true);
  });

  it("rejects hostile ids and files in the helpers", () => {
    expect(() => clipKey("../x", "video.mp4")).toThrow(StorageError);
    expect(() => clipKey("a/b", "video.mp4")).toThrow(StorageError);
    expect(() => clipKey("", "video.mp4")).toThrow(StorageError);
    expect(() => clipKey("abc", "evil.sh" as "video.mp4")).toThrow(StorageError);
    expect(() => uploadKey("abc", "p/ng")).toThrow(StorageError);
    expect(() => uploadKey("abc", "PNG")).toThrow(StorageError);
    expect(() => uploadKey("..", "png")).toThrow(StorageError);
    expect(() => assertValidPrefix("")).toThrow(StorageError);
    expect(() => assertValidPrefix("clips")).toThrow(StorageError);
    expect(() => assertValidPrefix("tmp/")).toThrow(StorageError);
    expect(assertValidPrefix("clips/abc/")).toBe("clips/abc/");
  });

  it("no valid key resolves outside the root (property, 3,000 runs)", () => {
    const root = "/srv/media";
    const alphabet = fc.constantFrom(..."ab./\\-_%:\0 ~".split(""));
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 24 }), (key) => {
        if (!isValidKey(key)) return;
        const resolved = path.resolve(root, ...key.split("/"));
        expect(resolved.startsWith(`${root}/`)).toBe(true);
        expect(path.relative(root, resolved).split(path.sep)).not.toContain("..");
      }),
      { numRuns: 3_000 },
    );
  });

  it("createStorage picks the configured driver", () => {
    expect(createStorage({ driver: "s3", bucket: "b", region: "us-east-1" }).driver).toBe("s3");
    expect(createStorage({ driver: "local", rootDir: "/tmp/fh-x" }).driver).toBe("local");
  });
});
