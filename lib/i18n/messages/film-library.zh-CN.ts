import type { filmLibraryEn } from "./film-library.en";

// 影片导出评论、角色与产品库、场景标题的文案（与 film-library.en.ts 键相同）。
export const filmLibraryZhCN: Record<keyof typeof filmLibraryEn, string> = {
  "films.comments.timeline": "评论时间轴：点击某一点在该时间评论（回车：在 {at} 评论）",
  "films.comments.exportList": "此导出版本的评论",
};
