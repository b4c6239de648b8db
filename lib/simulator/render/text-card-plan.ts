import { OUTPUT_SIZES, type AspectRatio } from "./output-size";
import { FONT_ASCENT_EM, FPS, FRAME_COUNT, FONT_FILE, coverTap, drawLines, pickFromKey, type RenderPlan } from "./render-plan";
import { fitText } from "./wrap-text";

// Text → video: a slowly rotating gradient behind a card that shows the prompt, lines fading and
// rising in one after another. "anime" gets a bright pastel palette, a light card with a coloured
// frame and dark outlined text, so the two styles are told apart at a glance.

type TextStyle = "general" | "anime";

interface Palette {
  colors: readonly string[];
  card: string;
  cardBorder?: string;
  text: string;
  textBorder?: string;
  label: string;
  speed: number;
}

const PALETTES: Record<TextStyle, readonly Palette[]> = {
  general: [
    { colors: ["0x0b1d3a", "0x1f6f8b"], card: "black@0.45", text: "white", label: "white@0.75", speed: 0.015 },
    { colors: ["0x1a1423", "0x6b4f8a"], card: "black@0.45", text: "white", label: "white@0.75", speed: 0.015 },
    { colors: ["0x102a1e", "0x3f7f5f"], card: "black@0.45", text: "white", label: "white@0.75", speed: 0.015 },
  ],
  anime: [
    { colors: ["0xff9ad5", "0x7ad7f0", "0xb39ddb"], card: "white@0.55", cardBorder: "0xff5fa2", text: "0x2a1a4a", textBorder: "white", label: "0x2a1a4a@0.8", speed: 0.03 },
    { colors: ["0xffd36e", "0xff8fab", "0x8fd3ff"], card: "white@0.55", cardBorder: "0xff7a59", text: "0x2a1a4a", textBorder: "white", label: "0x2a1a4a@0.8", speed: 0.03 },
  ],
};

const CARD_FONT_SIZES = [80, 68, 58, 50, 44, 38] as const;
const LINE_HEIGHT = 1.4;

export interface TextCardParams {
  prompt: string;
  style: TextStyle;
  aspectRatio: AspectRatio;
  /** Cache key; picks one palette variant so different prompts do not all look the same. */
  key: string;
}

export function planTextCard(p: TextCardParams): RenderPlan {
  const size = OUTPUT_SIZES[p.aspectRatio];
  const { width: W, height: H } = size;
  const variants = PALETTES[p.style];
  const palette = variants[pickFromKey(p.key, 0, variants.length)] ?? variants[0]!;
  const unit = Math.min(W, H); // 1080 in every orientation
  const pad = Math.round(unit * 0.05);
  const cardW = Math.round(W * 0.84);
  const prompt = p.prompt || "(empty prompt)";
  const fitted = fitText(prompt, {
    widthPx: cardW - 2 * pad,
    heightPx: H * 0.62 - 2 * pad,
    fontSizes: CARD_FONT_SIZES,
    lineHeight: LINE_HEIGHT,
    maxLines: 12,
  });
  const textH = Math.round(fitted.lines.length * fitted.fontSize * LINE_HEIGHT);
  const cardH = textH + 2 * pad;
  const cardX = Math.round((W - cardW) / 2);
  const cardY = Math.round((H - cardH) / 2);

  const lines = drawLines({
    prefix: "line",
    lines: fitted.lines,
    fontSize: fitted.fontSize,
    lineHeight: LINE_HEIGHT,
    // Centre the glyphs inside each line's advance.
    baseline: cardY + pad + Math.round((fitted.fontSize * (LINE_HEIGHT - 1)) / 2 + fitted.fontSize * FONT_ASCENT_EM),
    fontColor: palette.text,
    borderColor: palette.textBorder,
    borderWidth: palette.textBorder ? 3 : undefined,
    fadeStart: 0.35,
    stagger: 0.18,
    rise: Math.round(unit * 0.03),
  });
  const label = `FRAMEHOUSE SIMULATOR · viduq1-text · ${p.style} · ${p.aspectRatio}`;
  const labelSize = Math.round(unit * 0.026);

  const colors = palette.colors.map((c, i) => `c${i}=${c}`).join(":");
  // The gradient is computed at quarter size and scaled up: it is smooth anyway and this saves ~1 s.
  // Its direction is random unless seeded; the key as seed makes a re-render reproduce the same clip.
  const seed = Number.parseInt(p.key.slice(0, 8), 16) || 1;
  const filters = [
    `gradients=s=${W / 4}x${H / 4}:r=${FPS}:d=${FRAME_COUNT / FPS}:${colors}:n=${palette.colors.length}:speed=${palette.speed}:seed=${seed}`,
    `scale=${W}:${H}:flags=bilinear`,
    "format=yuv420p",
    `drawbox=x=${cardX}:y=${cardY}:w=${cardW}:h=${cardH}:color=${palette.card}:t=fill`,
    ...(palette.cardBorder ? [`drawbox=x=${cardX}:y=${cardY}:w=${cardW}:h=${cardH}:color=${palette.cardBorder}:t=6`] : []),
    ...lines.filters,
    `drawtext=fontfile=${FONT_FILE}:textfile=label.txt:expansion=none:fontsize=${labelSize}:fontcolor=${palette.label}:x=${pad}:y=${pad}`,
    "fade=t=in:st=0:d=0.5",
    // Cover at 3 s: the card and every line are fully visible by then.
    coverTap(72),
  ];
  return {
    size,
    files: [...lines.files, { name: "label.txt", data: label }],
    inputs: [],
    filterGraph: filters.join(","),
  };
}
