// Strings of the storyboard's export comments, the characters and products library and the scene
// headings. Merged into en.ts; film-library.zh-CN.ts must have the same keys.
export const filmLibraryEn = {
  "films.comments.timeline": "Comment timeline: click a point to comment there (Enter: comment at {at})",
  "films.comments.exportList": "Comments on this export",
} as const;
