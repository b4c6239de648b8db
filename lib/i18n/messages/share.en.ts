// Share links and the public share page. Merged into en.ts; share.zh-CN.ts has the same keys.
export const shareEn = {
} as const;
