// How the timeline files point at the takes: a relative URL from the timeline file to the take inside
// the hand-off package ("media/shot%2001.mp4"), so the package can be unzipped anywhere and an editor
// that resolves relative references finds the media next to the file.

export const PACKAGE_MEDIA_DIR = "media";

/** Relative URL of a take in the package; the name is one path segment, %-encoded (UTF-8) as by encodeURIComponent. */
export function packageMediaUrl(mediaName: string): string {
  return `${PACKAGE_MEDIA_DIR}/${encodeURIComponent(mediaName)}`;
}

/** The voice-over WAVs sit in their own folder beside the takes. */
export const PACKAGE_AUDIO_DIR = "audio";

/** Relative URL of a voice-over WAV in the package, encoded like a take's. */
export function packageAudioUrl(fileName: string): string {
  return `${PACKAGE_AUDIO_DIR}/${encodeURIComponent(fileName)}`;
}
