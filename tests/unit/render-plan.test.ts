import { describe, expect, it } from "vitest";
import { readImageHeader } from "@/lib/simulator/render/image-header";
import { planKenBurns, planStartEnd } from "@/lib/simulator/render/image-motion-plan";
import { planTextCard } from "@/lib/simulator/render/text-card-plan";

const KEY = "ab".repeat(32);
const NASTY = "it's 100% [x]; a,b:c \\ %{pts} ' \"q\" 一只猫";

function fakePng(width: number, height: number): Buffer {
  const b = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
  b.writeUInt32BE(13, 8);
  b.write("IHDR", 12, "latin1");
  b.writeUInt32BE(width, 16);
  b.writeUInt32BE(height, 20);
  return b;
}
const image = (name: string, w: number, h: number) => {
  const data = fakePng(w, h);
  return { name, data, header: readImageHeader(data) };
};

describe("planTextCard", () => {
  it("passes the prompt only through text files, never through the filter graph", () => {
    const plan = planTextCard({ prompt: NASTY, style: "general", aspectRatio: "16:9", key: KEY });
    expect(plan.filterGraph).not.toContain("100%");
    expect(plan.filterGraph).not.toContain("一只猫");
    expect(plan.filterGraph).toContain("expansion=none");
    const lineText = plan.files.filter((f) => f.name.startsWith("line")).map((f) => f.data).join(" ");
    expect(lineText.replace(/\s/g, "")).toBe(NASTY.replace(/\s/g, ""));
    expect(plan.inputs).toEqual([]);
    expect(plan.filterGraph).toMatch(/\[v\].*\[c\]$/);
  });

  it("is deterministic for a key (the gradient is seeded, not random)", () => {
    const a = planTextCard({ prompt: "a cat", style: "general", aspectRatio: "1:1", key: KEY });
    const b = planTextCard({ prompt: "a cat", style: "general", aspectRatio: "1:1", key: KEY });
    expect(a).toEqual(b);
    expect(a.filterGraph).toMatch(/seed=\d+/);
  });

  it("sizes the frame from the aspect ratio", () => {
    for (const [aspectRatio, w, h] of [["16:9", 1920, 1080], ["9:16", 1080, 1920], ["1:1", 1080, 1080]] as const) {
      const plan = planTextCard({ prompt: "a cat", style: "general", aspectRatio, key: KEY });
      expect(plan.size).toMatchObject({ width: w, height: h });
      expect(plan.filterGraph).toContain(`scale=${w}:${h}`);
    }
  });

  it("gives anime a different palette and a framed card", () => {
    const general = planTextCard({ prompt: "a cat", style: "general", aspectRatio: "16:9", key: KEY });
    const anime = planTextCard({ prompt: "a cat", style: "anime", aspectRatio: "16:9", key: KEY });
    const colors = (g: string) => /gradients=[^,]*/.exec(g)?.[0].match(/c\d=0x[0-9a-f]+/g);
    expect(colors(anime.filterGraph)).not.toEqual(colors(general.filterGraph));
    expect(anime.filterGraph).toContain(":t=6");
    expect(anime.files.find((f) => f.name === "label.txt")?.data).toContain("anime");
  });
});

describe("image plans", () => {
  it("Ken Burns zooms over the image at the closest output size, with an optional caption", () => {
    const plan = planKenBurns({ image: image("image0.png", 900, 1600), prompt: NASTY, key: KEY });
    expect(plan.size.aspectRatio).toBe("9:16");
    expect(plan.inputs).toEqual(["image0.png"]);
    expect(plan.filterGraph).toContain("zoompan=");
    expect(plan.filterGraph).toContain("s=1080x1920");
    expect(plan.filterGraph).not.toContain("100%");
    expect(plan.files.some((f) => f.name.startsWith("caption"))).toBe(true);
    const bare = planKenBurns({ image: image("image0.png", 900, 1600), key: KEY });
    expect(bare.files.some((f) => f.name.startsWith("caption"))).toBe(false);
  });

  it("start-end cross-fades two legs that add up to exactly 5 s", () => {
    const plan = planStartEnd({ images: [image("image0.png", 1000, 1000), image("image1.png", 1000, 1000)], key: KEY });
    expect(plan.size.aspectRatio).toBe("1:1");
    expect(plan.inputs).toEqual(["image0.png", "image1.png"]);
    const offset = Number(/offset=([\d.]+)/.exec(plan.filterGraph)?.[1]);
    const legFrames = Number(/:d=(\d+):/.exec(plan.filterGraph)?.[1]);
    expect(offset + legFrames / 24).toBeCloseTo(5, 5);
    expect(plan.filterGraph).toContain("xfade=transition=fade");
  });
});
