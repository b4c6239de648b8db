// Strings of take groups (several takes of one submit), the side-by-side compare (studio and films)
// and a clip's sibling takes in the gallery. Merged into en.ts; takes.zh-CN.ts has the same keys.
export const takesEn = {
  "takes.compare.title": "{a} and {b} side by side",
  "takes.compare.play": "Play both",
  "takes.compare.pause": "Pause both",
  "takes.compare.seek": "Position in both takes",
  "takes.group.label": "{count, plural, one {# take} other {# takes}} of one submit",
  "takes.group.take": "Take {n}",
  "takes.group.compare": "Compare takes",
  "takes.group.compareNeeds": "Comparing needs two finished takes.",
  "takes.group.dialogTitle": "Compare takes",
  "takes.group.dialogBody": "Play, pause and the slider move both takes together.",
  "takes.group.left": "Left",
  "takes.group.right": "Right",
  "takes.group.close": "Close",
  "takes.siblings.title": "Takes of this submit",
  "takes.siblings.current": "Take {n} (this clip)",
  "takes.siblings.loadError": "The other takes could not be loaded.",
} as const;
