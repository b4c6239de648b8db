// The storyboard's scenes: a shot with a scene heading starts a scene that runs until the next
// heading. Shots keep their one order; headings only group them (the shots before the first heading
// form a group with no heading). A heading belongs to its shot, so it moves with the shot.

export interface SceneGroup<S> {
  heading: string | null;
  shots: S[];
}

export function sceneGroups<S extends { sceneHeading: string | null }>(shots: readonly S[]): SceneGroup<S>[] {
  const out: SceneGroup<S>[] = [];
  for (const s of shots) {
    const last = out.at(-1);
    if (!last || s.sceneHeading !== null) out.push({ heading: s.sceneHeading, shots: [s] });
    else last.shots.push(s);
  }
  return out;
}
