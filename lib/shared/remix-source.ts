import type { Mode } from "./generation-schemas";
import type { GenerationView } from "./generation-view";

// The JSON answer of GET /api/generations/:id/remix: what the studio needs to open pre-filled with a
// clip's mode, prompt, parameters and input images (the uploads are reused by id, not copied).
export interface RemixSource {
  id: string;
  mode: Mode;
  prompt: string;
  params: GenerationView["params"];
  inputs: { uploadId: string; url: string; width: number; height: number }[];
}
