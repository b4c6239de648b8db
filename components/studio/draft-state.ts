import type { Mode } from "@/lib/shared/generation-schemas";
import type { DraftSlot, DraftState } from "@/lib/shared/studio-draft";
import type { FormState } from "./form-state";
import type { TakeCount } from "./takes-choice";

// The form's state as a studio draft and back. Both directions go through these two functions, so the
// JSON of "what was last saved" and "what the form holds now" compare equal when nothing changed.

export function toDraftState(mode: Mode, form: FormState, takes: TakeCount, images: Record<DraftSlot, string | null>): DraftState {
  return {
    mode,
    text: { prompt: form.text.prompt, style: form.text.style, aspectRatio: form.text.aspectRatio, movementAmplitude: form.text.movementAmplitude },
    image: { prompt: form.image.prompt, movementAmplitude: form.image.movementAmplitude, withAudio: form.image.withAudio },
    "start-end": { prompt: form["start-end"].prompt, movementAmplitude: form["start-end"].movementAmplitude, withAudio: form["start-end"].withAudio },
    takes: Number(takes),
    images: { image: images.image, start: images.start, end: images.end },
  };
}

export function fromDraftState(state: DraftState): { mode: Mode; form: FormState; takes: TakeCount } {
  return { mode: state.mode, form: { text: state.text, image: state.image, "start-end": state["start-end"] }, takes: String(state.takes) as TakeCount };
}
