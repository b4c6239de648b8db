import { approxTokens } from "./upstream/chat-schemas";

// A script → the parts each broken down by one chat call (docs/upstream.md §8, "Script breakdown",
// "Long scripts"). Pure and isomorphic: the server splits what it sends, the dialog splits the same
// way to show how many calls a breakdown makes before the user confirms.
//
// Why the size of a part is counted in answer tokens, not characters: what overflows is the ANSWER
// (max_tokens, below), and an answer grows with the number of shots — one per action sentence or
// spoken line — far more than with the characters of the script. A shot's JSON costs about
// SHOT_ANSWER_TOKENS on its own (the keys, mode, characters, duration, and the setting, light and camera
// words a prompt adds to what the text says), plus about ANSWER_TOKENS_PER_TEXT_TOKEN times the
// tokens of the text it depicts (the prompt retells it; a spoken line is repeated as the line). Two
// ten-character Chinese lines cost as much answer as a 120-character English sentence, so a limit
// in characters would either cut dialogue-heavy scripts off or make prose cost needless calls. A part
// is filled until its estimated answer reaches PART_ANSWER_BUDGET: a fifth of max_tokens kept free
// for models that write longer prompts than estimated. The simulator's answers (one token per CJK
// character, one per four other characters) stay within the estimate: a short Chinese line answers
// about 55 tokens, a ten-word English sentence about 40.

/** The flash models' output cap (chat-schemas.ts): the most one breakdown call may answer, and what is held for it. */
export const BREAKDOWN_MAX_TOKENS = 4095;
/** Answer tokens of one shot apart from the text it depicts. */
const SHOT_ANSWER_TOKENS = 60;
/** Answer tokens per token of the text a shot depicts. */
const ANSWER_TOKENS_PER_TEXT_TOKEN = 2;
/** The most answer one part may be expected to need: four fifths of max_tokens. */
export const PART_ANSWER_BUDGET = Math.floor((BREAKDOWN_MAX_TOKENS * 4) / 5);

/** Scene headings: INT./EXT., 内景/外景, 第N场, "# …", SCENE n (the simulator reads the same ones). */
export const SCENE_HEADING = /^(?:#+\s*|(?:INT|EXT|INT\.?\/EXT|I\/E)[.\s]|(?:内景|外景|内\/外景)|场景\s*\S|第[一二三四五六七八九十百千\d]+[场幕章节]|SCENE\s+\d)/iu;
/** "NAME: line" / "名字：台词": a spoken line, never split. */
export const DIALOGUE_LINE = /^([^\s:：“”"「」]{1,20})\s*[:：]\s*(.+)$/u;
const ZH_END = new Set(["。", "！", "？", "…"]);
const EN_END = new Set([".", "!", "?"]);
const CLOSERS = new Set(["”", "’", '"', "'", ")", "）", "」", "』"]);

/** Where a part may begin, best first. */
type Boundary = "heading" | "paragraph" | "line" | "sentence" | "inside";
const PREFERENCE: readonly Boundary[] = ["heading", "paragraph", "line", "sentence"];

interface Unit {
  text: string;
  /** Estimated answer tokens (0 for blank lines). */
  cost: number;
  /** What precedes it. */
  boundary: Boundary;
}

/** The answer tokens a breakdown of `text` (one shot) is expected to need. */
function answerTokensOf(text: string): number {
  const trimmed = text.trim();
  return trimmed === "" ? 0 : SHOT_ANSWER_TOKENS + ANSWER_TOKENS_PER_TEXT_TOKEN * approxTokens(trimmed);
}

/** A piece too large for a part cut into code-point runs that each fit (the last resort). */
function cutHard(text: string, budget: number): string[] {
  const pieces: string[] = [];
  let piece: string[] = [];
  let cjk = 0;
  let rest = 0;
  for (const c of text) {
    // Counted as approxTokens counts (whitespace included: an upper bound of answerTokensOf).
    const isCjk = approxTokens(c + c) === 2;
    const next = SHOT_ANSWER_TOKENS + ANSWER_TOKENS_PER_TEXT_TOKEN * (cjk + (isCjk ? 1 : 0) + Math.ceil((rest + (isCjk ? 0 : 1)) / 4));
    if (piece.length > 0 && next > budget) {
      pieces.push(piece.join(""));
      piece = [];
      cjk = 0;
      rest = 0;
    }
    piece.push(c);
    if (isCjk) cjk++;
    else rest++;
  }
  if (piece.length > 0) pieces.push(piece.join(""));
  return pieces;
}

/**
 * A line → its sentences, each with its end marks, closing quotes and the spaces after it: zh 。！？…
 * end a sentence anywhere, en .!? only before a space or the end of the line (so 3.5 and e.g. stay whole).
 */
function sentencesOf(line: string): string[] {
  const chars = [...line];
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    if (!ZH_END.has(c) && !EN_END.has(c)) {
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && (ZH_END.has(chars[end]!) || EN_END.has(chars[end]!))) end++;
    while (end < chars.length && CLOSERS.has(chars[end]!)) end++;
    const zh = chars.slice(i, end).some((x) => ZH_END.has(x));
    if (!zh && end < chars.length && !/\s/u.test(chars[end]!)) {
      i = end;
      continue;
    }
    while (end < chars.length && /\s/u.test(chars[end]!)) end++;
    out.push(chars.slice(start, end).join(""));
    start = end;
    i = end;
  }
  if (start < chars.length) out.push(chars.slice(start).join(""));
  return out;
}

/** One line (with its newline) → units: whole if it is a heading or a spoken line, else its sentences. */
function unitsOfLine(line: string, boundary: Boundary, budget: number): Unit[] {
  const content = line.trim();
  const whole = SCENE_HEADING.test(content) || DIALOGUE_LINE.test(content);
  const pieces = whole && answerTokensOf(line) <= budget ? [line] : sentencesOf(line);
  return pieces.flatMap((piece, i) => {
    const first: Boundary = i === 0 ? boundary : "sentence";
    if (answerTokensOf(piece) <= budget) return [{ text: piece, cost: answerTokensOf(piece), boundary: first }];
    return cutHard(piece, budget).map((p, j) => ({ text: p, cost: answerTokensOf(p), boundary: j === 0 ? first : ("inside" as const) }));
  });
}

function unitsOf(script: string, budget: number): Unit[] {
  const units: Unit[] = [];
  let blankBefore = false;
  for (const line of script.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    const content = line.trim();
    if (content === "") {
      // A blank line belongs to what came before it (or, at the very start, to what follows).
      const last = units.at(-1);
      if (last) last.text += line;
      else units.push({ text: line, cost: 0, boundary: "paragraph" });
      blankBefore = true;
      continue;
    }
    const boundary: Boundary = SCENE_HEADING.test(content) ? "heading" : blankBefore ? "paragraph" : "line";
    units.push(...unitsOfLine(line, boundary, budget));
    blankBefore = false;
  }
  return units;
}

const costOf = (units: readonly Unit[]) => units.reduce((n, u) => n + u.cost, 0);

/** The answer tokens a breakdown of `text` is expected to need: one shot per sentence or spoken line. */
export function estimatedAnswerTokens(text: string, budget = PART_ANSWER_BUDGET): number {
  return costOf(unitsOf(text.replace(/\r\n?/g, "\n"), budget));
}

/**
 * Where to end a full part: at its last scene heading, else its last blank line, else its last line
 * start, else its last sentence end — each only if what stays in the part is at least half the
 * budget (a part cut much shorter would only add calls). 0 = end it where it is full.
 */
function cutIndex(units: readonly Unit[], budget: number): number {
  for (const kind of PREFERENCE) {
    for (let i = units.length - 1; i > 0; i--) {
      if (units[i]!.boundary !== kind) continue;
      if (costOf(units.slice(0, i)) >= budget / 2) return i;
      break;
    }
  }
  return 0;
}

/**
 * The parts of `script`, in order: each part's estimated answer (answerTokensOf of its shots) is at
 * most `budget`; parts end at natural boundaries, never inside a spoken line or a sentence unless one
 * alone is over the budget. Concatenated, the parts are exactly the script.
 */
export function splitScript(script: string, budget = PART_ANSWER_BUDGET): string[] {
  const parts: string[] = [];
  let current: Unit[] = [];
  for (const unit of unitsOf(script.replace(/\r\n?/g, "\n"), budget)) {
    while (current.length > 0 && costOf(current) + unit.cost > budget) {
      const cut = cutIndex(current, budget) || current.length;
      parts.push(current.slice(0, cut).map((u) => u.text).join(""));
      current = current.slice(cut);
    }
    current.push(unit);
  }
  if (current.length > 0) parts.push(current.map((u) => u.text).join(""));
  return parts;
}

/** What a part after the first is told of the script before it, so the merged shot list continues. */
export interface PartContext {
  /** The scene heading in force where the part begins (null before any heading). */
  scene: string | null;
  /** The speakers seen before the part, in order of appearance (at most CONTEXT_MAX_CHARACTERS). */
  characters: string[];
}

export const CONTEXT_MAX_CHARACTERS = 30;
/** Longest heading passed on (a film's scene heading holds 120). */
const CONTEXT_SCENE_MAX_CHARS = 120;

/** The context of each part: the heading in force and the speakers seen before it. */
export function partContexts(parts: readonly string[]): PartContext[] {
  let scene: string | null = null;
  const characters: string[] = [];
  return parts.map((part) => {
    const context = { scene, characters: characters.slice(0, CONTEXT_MAX_CHARACTERS) };
    for (const raw of part.split("\n")) {
      const line = raw.trim();
      if (SCENE_HEADING.test(line)) {
        scene = [...line.replace(/^#+\s*/, "")].slice(0, CONTEXT_SCENE_MAX_CHARS).join("");
        continue;
      }
      const name = DIALOGUE_LINE.exec(line)?.[1]?.replace(/(说|道|问|喊|答)$/u, "").trim();
      if (name && !characters.includes(name)) characters.push(name);
    }
    return context;
  });
}
