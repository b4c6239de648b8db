// File names inside a hand-off package, made from user text (a film's title, a take's file name).
// Every name must be one path segment on every system the package is unzipped on: no separators, no
// control characters, none of the characters Windows refuses, no trailing dot or space, no reserved
// device name, not "." or "..". Letters of every script stay (a Chinese title stays Chinese).

// eslint-disable-next-line no-control-regex -- control characters are what we remove
const UNSAFE = /[\u0000-\u001F\u007F-\u009F/\\:*?"<>|]+/g;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX_CODE_POINTS = 80;

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max).join("") : text;
}

/** A safe single path segment from any text; `fallback` (already safe) when nothing usable is left. */
export function safeFileName(text: string, fallback: string): string {
  let name = text.normalize("NFC").replace(UNSAFE, " ").replace(/\s+/g, " ").trim();
  name = truncate(name, MAX_CODE_POINTS).replace(/[. ]+$/, "").replace(/^[. ]+/, "");
  if (name === "" || WINDOWS_RESERVED.test(name)) return fallback;
  return name;
}

/** A safe file name that keeps a short extension ("shot 3.mp4"), so truncation never eats it. */
function safeNameKeepingExtension(text: string, fallbackStem: string): string {
  const dot = text.lastIndexOf(".");
  const ext = dot > 0 && /^\.[A-Za-z0-9]{1,8}$/.test(text.slice(dot)) ? text.slice(dot).toLowerCase() : "";
  const stem = safeFileName(ext ? text.slice(0, dot) : text, fallbackStem);
  return `${stem}${ext}`;
}

/**
 * The package's name for each take: safe, unique (a clash gets "-2", "-3" before the extension), and
 * the same name for every clip that uses the same take. Keys are the cut's mediaName values.
 */
export function packageMediaNames(mediaNames: readonly string[]): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Set<string>();
  for (const original of mediaNames) {
    if (result.has(original)) continue;
    const base = safeNameKeepingExtension(original, `take-${result.size + 1}`);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) {
      const dot = base.lastIndexOf(".");
      name = dot > 0 ? `${base.slice(0, dot)}-${n}${base.slice(dot)}` : `${base}-${n}`;
    }
    used.add(name.toLowerCase());
    result.set(original, name);
  }
  return result;
}

/**
 * The package's name for a shot's voice-over WAV: "03-Mei.wav" (shot number, zero-padded to the film's
 * width so the files sort in shot order, then the speaker), "03-voice.wav" without a speaker. Unique,
 * since a shot has one voice and the number comes first.
 */
export function packageVoiceName(shotNumber: number, shotCount: number, speaker: string | null): string {
  const width = Math.max(2, String(shotCount).length);
  return `${String(shotNumber).padStart(width, "0")}-${safeFileName(speaker ?? "", "voice")}.wav`;
}
