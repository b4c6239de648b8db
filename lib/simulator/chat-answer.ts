import { approxTokens, type ChatMessage } from "@/lib/shared/upstream/chat-schemas";
import { PROMPT_MAX_CHARS } from "@/lib/shared/upstream/video-models";
import { isScriptBreakdown, scriptBreakdownAnswer } from "./script-breakdown-answer";

// The simulator's deterministic "model": rule-based answers derived from the messages, so the
// studio's features are useful and testable offline. The task is read from the system message
// (the studio's prompts name it: expand / translate into English|Chinese / rewrite); anything else
// gets an echo summary. In JSON mode the answer is one JSON object {"text": …}; a script breakdown
// answers its own JSON shot list (script-breakdown-answer.ts).

const hasCjk = (s: string) => /[\u3400-\u9fff]/u.test(s);

const GLOSSARY: readonly [string, string][] = [
  ["灯塔", "lighthouse"],
  ["海边", "seaside"],
  ["大海", "the sea"],
  ["海", "sea"],
  ["夜晚", "night"],
  ["夜", "night"],
  ["猫", "cat"],
  ["狗", "dog"],
  ["城市", "city"],
  ["雨", "rain"],
  ["雪", "snow"],
  ["山", "mountain"],
  ["日出", "sunrise"],
  ["日落", "sunset"],
  ["女孩", "girl"],
  ["男孩", "boy"],
  ["老人", "old man"],
  ["森林", "forest"],
  ["街道", "street"],
  ["咖啡", "coffee"],
  ["一只", "a "],
  ["一个", "a "],
  ["的", " "],
  ["在", " in "],
  ["和", " and "],
  ["，", ", "],
  ["。", ". "],
];

function toEnglish(text: string): string {
  let out = text;
  for (const [zh, en] of GLOSSARY) out = out.split(zh).join(en);
  out = out.replace(/\s+/g, " ").trim();
  return hasCjk(out) ? `${out} (translated)` : out;
}

function toChinese(text: string): string {
  let out = text;
  for (const [zh, en] of [...GLOSSARY].filter(([, en]) => /^[a-z][a-z ]+[a-z]$/.test(en)).sort((a, b) => b[1].length - a[1].length)) {
    out = out.replace(new RegExp(`\\b${en}\\b`, "gi"), zh);
  }
  return `（译文）${out.trim()}`;
}

function expand(text: string): string {
  return hasCjk(text)
    ? `${text.trim()}，电影感镜头，柔和的自然光，镜头缓慢推进，细节丰富，氛围宁静。`
    : `${text.trim()}, cinematic shot, soft natural light, slow camera push-in, rich detail, calm atmosphere.`;
}

function rewrite(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const styled = hasCjk(flat) ? `${flat}。镜头平稳，画面清晰。` : `${flat}. Steady camera, clear image.`;
  if ([...styled].length <= PROMPT_MAX_CHARS) return styled;
  const chars = [...flat].slice(0, PROMPT_MAX_CHARS);
  const cut = chars.join("");
  const lastStop = Math.max(cut.lastIndexOf("。"), cut.lastIndexOf(". "));
  return lastStop > PROMPT_MAX_CHARS / 2 ? cut.slice(0, lastStop + 1) : cut;
}

/** The answer text for these messages (before JSON wrapping and max_tokens truncation). */
function answerText(messages: readonly ChatMessage[]): string {
  const system = messages.filter((m) => m.role === "system").map((m) => m.content).join("\n").toLowerCase();
  const user = messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
  if (/\btranslate\b/.test(system)) return /into chinese|to chinese|into zh/.test(system) ? toChinese(user) : toEnglish(user);
  if (/\brewrite\b/.test(system)) return rewrite(user);
  if (/\bexpand\b/.test(system)) return expand(user);
  return `Received ${messages.length} message(s); the last one has ${[...user].length} characters.`;
}

export interface ChatAnswer {
  content: string;
  finishReason: "stop" | "length";
  promptTokens: number;
  completionTokens: number;
}

/** Whole answer: JSON-wrapped when asked, cut to max_tokens (finish_reason "length") when longer. */
export function chatAnswer(messages: readonly ChatMessage[], json: boolean, maxTokens: number): ChatAnswer {
  const system = messages.filter((m) => m.role === "system").map((m) => m.content).join("\n");
  const user = messages.filter((m) => m.role === "user").at(-1)?.content ?? "";
  const text = isScriptBreakdown(system) ? scriptBreakdownAnswer(user, system) : answerText(messages);
  const full = json && !isScriptBreakdown(system) ? JSON.stringify({ text }) : text;
  const promptTokens = messages.reduce((n, m) => n + approxTokens(m.content) + 3, 0);
  const fullTokens = approxTokens(full);
  if (fullTokens <= maxTokens) return { content: full, finishReason: "stop", promptTokens, completionTokens: fullTokens };
  // Cut character by character until it fits: the platform stops mid-answer the same way.
  const chars = [...full];
  let end = Math.min(chars.length, maxTokens);
  while (end > 0 && approxTokens(chars.slice(0, end).join("")) > maxTokens) end--;
  const content = chars.slice(0, end).join("");
  return { content, finishReason: "length", promptTokens, completionTokens: approxTokens(content) };
}
