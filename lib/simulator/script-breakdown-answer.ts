import { DIALOGUE_LINE as DIALOGUE, SCENE_HEADING as HEADING } from "@/lib/shared/script-parts";
import { PROMPT_MAX_CHARS } from "@/lib/shared/upstream/video-models";

// The simulator's answer to a script breakdown (the studio's system prompt names the task "script
// breakdown"): a rule-based, deterministic shot list in the JSON shape the studio asks for
// (docs/upstream.md, "Script breakdown"). Scene headings (INT./EXT., 内景/外景, 第N场, "# …") open
// scenes; "NAME: line" / "名字：台词" is a spoken shot of that character (mode image: it starts from the
// character's picture); every other sentence is an action shot, the first of a run made from text and
// the following ones chained from the shot before. A text without headings is one scene. A part of a
// split script (the studio's second system message: "Scene in progress: …", "Characters so far: …")
// continues that scene until its own first heading and knows those characters.

const SENTENCE = /[^。！？!?.]+(?:[。！？!?]+|\.(?=\s|$)|$)/gu;

const hasCjk = (s: string) => /[\u3400-\u9fff]/u.test(s);

interface SimShot {
  prompt: string;
  mode: "text" | "image" | "chain";
  characters: string[];
  line: string;
  duration: number;
}

interface SimScene {
  heading: string;
  /** The heading is the script's own (not the default "Scene 1" of a text without headings). */
  named: boolean;
  shots: SimShot[];
}

function fit(prompt: string): string {
  const chars = [...prompt];
  return chars.length <= PROMPT_MAX_CHARS ? prompt : chars.slice(0, PROMPT_MAX_CHARS).join("");
}

/** Seconds a shot needs: about 6 CJK characters or 20 other characters a second, within a 5 s take. */
function durationOf(text: string): number {
  const perSecond = hasCjk(text) ? 6 : 20;
  return Math.min(5, Math.max(2, Math.ceil([...text].length / perSecond) + 1));
}

function speakerOf(raw: string): string {
  return raw.replace(/(说|道|问|喊|答)$/u, "").trim();
}

function speakers(lines: readonly string[]): string[] {
  const names = lines.flatMap((l) => {
    const m = DIALOGUE.exec(l);
    return m && !HEADING.test(l) ? [speakerOf(m[1]!)] : [];
  });
  return [...new Set(names.filter((n) => n !== ""))];
}

/** A setting named by the script's heading (none for a text without headings). */
function setting(sc: SimScene, zh: boolean): string {
  if (!sc.named) return "";
  return zh ? `场景：${sc.heading}。` : ` Setting: ${sc.heading}.`;
}

function actionPrompt(sentence: string, sc: SimScene): string {
  return hasCjk(sentence)
    ? fit(`${sentence.replace(/[。！？!?.]+$/u, "")}。${setting(sc, true)}电影感镜头，柔和光线，镜头缓慢推进。`)
    : fit(`${sentence.replace(/[.!?]+$/u, "")}.${setting(sc, false)} Cinematic shot, soft light, slow push-in.`);
}

function spokenPrompt(name: string, speech: string, sc: SimScene): string {
  return hasCjk(speech + name) ? fit(`中景，${name}开口说话。${setting(sc, true)}自然光，镜头稳定。`) : fit(`Medium shot of ${name} speaking.${setting(sc, false)} Natural light, steady camera.`);
}

/** "Scene in progress" and "Characters so far" of a part's context message ("none yet" = none). */
function contextOf(system: string): { scene: string | null; characters: string[] } {
  const value = (label: string) => {
    const v = new RegExp(`^${label}: (.+)$`, "mu").exec(system)?.[1]?.trim();
    return v && v !== "none yet" ? v : null;
  };
  return { scene: value("Scene in progress"), characters: value("Characters so far")?.split(", ").filter((c) => c !== "") ?? [] };
}

/** The breakdown of `script` (with the studio's system messages) as the JSON text the studio asked for. */
export function scriptBreakdownAnswer(script: string, system = ""): string {
  const lines = script.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  const context = contextOf(system);
  const cast = [...new Set([...context.characters, ...speakers(lines)])];
  const zh = hasCjk(script);
  const scenes: SimScene[] = [];
  let scene: SimScene | undefined = context.scene ? { heading: context.scene, named: true, shots: [] } : undefined;
  if (scene) scenes.push(scene);
  let previousWasAction = false;
  const current = (): SimScene => {
    if (!scene) {
      scene = { heading: zh ? "场景 1" : "Scene 1", named: false, shots: [] };
      scenes.push(scene);
    }
    return scene;
  };
  for (const l of lines) {
    if (HEADING.test(l)) {
      scene = { heading: l.replace(/^#+\s*/, ""), named: true, shots: [] };
      scenes.push(scene);
      previousWasAction = false;
      continue;
    }
    const spoken = DIALOGUE.exec(l);
    const name = spoken ? speakerOf(spoken[1]!) : "";
    if (spoken && name !== "") {
      const speech = spoken[2]!.replace(/^["“「]|["”」]$/gu, "").trim();
      const sc = current();
      sc.shots.push({ prompt: spokenPrompt(name, speech, sc), mode: "image", characters: [name], line: speech, duration: durationOf(speech) });
      previousWasAction = false;
      continue;
    }
    for (const m of l.matchAll(SENTENCE)) {
      const sentence = m[0].trim();
      if (sentence === "" || /^[。！？!?.]+$/u.test(sentence)) continue;
      const sc = current();
      sc.shots.push({
        prompt: actionPrompt(sentence, sc),
        mode: previousWasAction ? "chain" : "text",
        characters: cast.filter((c) => sentence.includes(c)),
        line: "",
        duration: durationOf(sentence),
      });
      previousWasAction = true;
    }
  }
  return JSON.stringify({ scenes: scenes.filter((s) => s.shots.length > 0).map(({ heading, shots }) => ({ heading, shots })) });
}

/** Is this chat a script breakdown? (The studio's system prompt names the task.) */
export function isScriptBreakdown(system: string): boolean {
  return /\bscript breakdown\b/i.test(system);
}
