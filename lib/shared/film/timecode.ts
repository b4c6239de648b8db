// Frame counts to the clock notations the hand-off files use. Frames stay the unit of truth (cut.ts);
// these only format them, so every file agrees to the frame with placeClips.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** SMPTE non-drop-frame timecode HH:MM:SS:FF at an integer rate (CMX 3600 EDL). */
export function framesToTimecode(frames: number, fps: number): string {
  const ff = frames % fps;
  const totalSeconds = Math.floor(frames / fps);
  const ss = totalSeconds % 60;
  const mm = Math.floor(totalSeconds / 60) % 60;
  const hh = Math.floor(totalSeconds / 3600);
  return `${pad(hh)}:${pad(mm)}:${pad(ss)}:${pad(ff)}`;
}

/**
 * SubRip time HH:MM:SS,mmm of the start of frame `frames`, rounded to the nearest millisecond. Rounding
 * is monotonic, so cues that touch in frames touch (never cross) in milliseconds.
 */
export function framesToSrtTime(frames: number, fps: number): string {
  const totalMs = Math.round((frames * 1000) / fps);
  const ms = totalMs % 1000;
  const totalSeconds = Math.floor(totalMs / 1000);
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)},${pad(ms, 3)}`;
}

/** FCPXML rational time: whole frames over the rate, in seconds ("36/24s"; "0s" for zero). */
export function framesToRationalSeconds(frames: number, fps: number): string {
  return frames === 0 ? "0s" : `${frames}/${fps}s`;
}
