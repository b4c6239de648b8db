import { CHARACTER_MAX_CHARS, CHARACTERS_MAX, DRAFT_MAX_SHOTS, type DraftMode, type DraftShot, LINE_MAX_CHARS, type RepairKind, type RepairNote, SCENE_MAX_CHARS, SHOT_MAX_SECONDS, SHOT_MIN_SECONDS } from "./script-breakdown";
import { PROMPT_MAX_CHARS } from "./upstream/video-models";
import { withoutForbidden } from "./user-text";

// The text model's answer to a script breakdown → a draft shot list, repaired where that is safe and
// reported where it is not. Asked shape (docs/upstream.md, "Script breakdown"):
//   {"scenes": [{"heading": "…", "shots": [{"prompt", "mode", "characters", "line", "duration"}]}]}
// Mended: a cut-off answer (finish_reason "length", or JSON that stops mid-way) keeps its complete
// shots and drops the incomplete last one; code fences around the JSON; a flat {"shots": […]} or a
// bare array; numbers sent as strings; unknown modes (→ text); prompts over Vidu's 512 characters,
// captions and headings over their limits (cut); characters the storage refuses (removed). Every
// mend is counted in `repairs`. Not mended: an answer with no usable shot at all.

export type ParsedBreakdown = { ok: true; shots: DraftShot[]; repairs: RepairNote[] } | { ok: false; reason: "not_json" | "no_shots" };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);


class Repairs {
  private counts = new Map<RepairKind, number>();
  add(kind: RepairKind, n = 1): void {
    if (n > 0) this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }
  notes(): RepairNote[] {
    return [...this.counts].map(([kind, count]) => ({ kind, count }));
  }
}

function cutTo(text: string, max: number): { text: string; cut: boolean } {
  const chars = [...text];
  return chars.length <= max ? { text, cut: false } : { text: chars.slice(0, max).join("").trimEnd(), cut: true };
}

function cleanLines(v: unknown): string {
  return typeof v === "string" ? withoutForbidden(v.replace(/\r\n?/g, "\n")).normalize("NFC").trim() : "";
}

function cleanLine(v: unknown): string {
  return cleanLines(typeof v === "number" ? String(v) : v).replace(/\s+/g, " ");
}

/** The JSON text inside the answer: without code fences or words around the object. */
function jsonText(content: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)(?:```|$)/i.exec(content);
  const inner = (fenced ? fenced[1]! : content).trim();
  const start = inner.search(/[[{]/);
  return start < 0 ? inner : inner.slice(start);
}

/** Most cut points tried on an unreadable answer (each is one JSON.parse). */
const MAX_CUT_TRIES = 64;

/**
 * A cut-off JSON text read up to its last complete object inside an array (a shot, or a scene), with
 * the brackets still open closed after it: the incomplete tail is dropped, never guessed.
 */
function readUpToLastComplete(text: string): unknown {
  const open: string[] = [];
  const cuts: { end: number; closers: string }[] = [];
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (escaped) escaped = false;
      else if (c === "\\") escaped = true;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{") open.push("}");
    else if (c === "[") open.push("]");
    else if (c === "}" || c === "]") {
      open.pop();
      if (c === "}" && open.at(-1) === "]") cuts.push({ end: i + 1, closers: [...open].reverse().join("") });
    }
  }
  for (const cut of cuts.reverse().slice(0, MAX_CUT_TRIES)) {
    try {
      return JSON.parse(text.slice(0, cut.end) + cut.closers);
    } catch {
      // an earlier cut may still read
    }
  }
  return undefined;
}

/** The shot objects of the answer, each with the heading of its scene. */
function shotsWithScenes(root: unknown): { scene: unknown; shot: unknown }[] {
  const fromScenes = (scenes: unknown[]) =>
    scenes.flatMap((sc) => {
      if (!isObj(sc)) return [{ scene: null, shot: sc }];
      const heading = sc.heading ?? sc.title ?? sc.scene ?? sc.name ?? null;
      if (!Array.isArray(sc.shots)) return "prompt" in sc ? [{ scene: null, shot: sc }] : [];
      return sc.shots.map((shot) => ({ scene: heading, shot }));
    });
  const flat = (shots: unknown[]) => shots.map((shot) => ({ scene: isObj(shot) ? (shot.scene ?? shot.heading ?? null) : null, shot }));
  const isSceneList = (list: unknown[]) => list.some((x) => isObj(x) && Array.isArray(x.shots));
  if (Array.isArray(root)) return isSceneList(root) ? fromScenes(root) : flat(root);
  if (!isObj(root)) return [];
  if (Array.isArray(root.scenes)) return fromScenes(root.scenes);
  if (Array.isArray(root.shots)) return flat(root.shots);
  // Some other key holding the list (e.g. "shot_list", "storyboard").
  const list = Object.values(root).find((v): v is unknown[] => Array.isArray(v) && v.some(isObj));
  return list ? (isSceneList(list) ? fromScenes(list) : flat(list)) : [];
}

const MODE_WORDS: Record<string, DraftMode> = {
  text: "text", "text-to-video": "text", text2video: "text", t2v: "text",
  image: "image", "image-to-video": "image", img2video: "image", i2v: "image", still: "image", reference: "image",
  chain: "chain", chained: "chain", previous: "chain", continue: "chain", continuation: "chain",
};

function modeOf(v: unknown, repairs: Repairs): DraftMode {
  const mode = typeof v === "string" ? MODE_WORDS[v.trim().toLowerCase()] : undefined;
  if (!mode) repairs.add("mode_defaulted");
  return mode ?? "text";
}

function charactersOf(v: unknown): string[] {
  const list = Array.isArray(v) ? v : typeof v === "string" ? v.split(/[,，、;；]/) : [];
  const names = list.map((n) => cutTo(cleanLine(n), CHARACTER_MAX_CHARS).text).filter((n) => n !== "");
  return [...new Set(names)].slice(0, CHARACTERS_MAX);
}

function secondsOf(v: unknown, repairs: Repairs): number {
  const n = typeof v === "number" ? v : typeof v === "string" ? Number.parseFloat(v) : Number.NaN;
  if (!Number.isFinite(n)) {
    repairs.add("duration_clamped");
    return SHOT_MAX_SECONDS;
  }
  const whole = Math.min(SHOT_MAX_SECONDS, Math.max(SHOT_MIN_SECONDS, Math.round(n)));
  if (whole !== n) repairs.add("duration_clamped");
  return whole;
}

function draftShotOf(scene: unknown, raw: unknown, repairs: Repairs): DraftShot | null {
  if (!isObj(raw)) {
    repairs.add("shot_dropped");
    return null;
  }
  const prompt = cutTo(cleanLines(raw.prompt ?? raw.visual ?? raw.description), PROMPT_MAX_CHARS);
  if (prompt.text === "") {
    repairs.add("shot_dropped");
    return null;
  }
  if (prompt.cut) repairs.add("prompt_clamped");
  const line = cutTo(cleanLine(raw.line ?? raw.dialogue ?? raw.caption), LINE_MAX_CHARS);
  if (line.cut) repairs.add("line_clamped");
  const heading = cutTo(cleanLine(scene), SCENE_MAX_CHARS).text;
  return {
    scene: heading === "" ? null : heading,
    prompt: prompt.text,
    mode: modeOf(raw.mode, repairs),
    characters: charactersOf(raw.characters),
    line: line.text === "" ? null : line.text,
    seconds: secondsOf(raw.duration ?? raw.seconds, repairs),
  };
}

export function parseBreakdownAnswer(content: string, finishReason: string): ParsedBreakdown {
  const repairs = new Repairs();
  const text = jsonText(content);
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    root = readUpToLastComplete(text);
    if (root === undefined) return { ok: false, reason: "not_json" };
    repairs.add("truncated");
  }
  // Whole JSON yet cut off by max_tokens: the model stopped before the end of the script. Said, too.
  if (finishReason === "length" && !repairs.notes().length) repairs.add("truncated");
  const found = shotsWithScenes(root);
  const shots = found.flatMap(({ scene, shot }) => draftShotOf(scene, shot, repairs) ?? []);
  if (shots.length === 0) return { ok: false, reason: "no_shots" };
  if (shots.length > DRAFT_MAX_SHOTS) repairs.add("too_many_shots", shots.length - DRAFT_MAX_SHOTS);
  return { ok: true, shots: shots.slice(0, DRAFT_MAX_SHOTS), repairs: repairs.notes() };
}
