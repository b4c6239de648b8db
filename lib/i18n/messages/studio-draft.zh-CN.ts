import type { studioDraftEn } from "./studio-draft.en";

// 工作室草稿自动保存与提示词历史（简体中文）。
export const studioDraftZhCN: Record<keyof typeof studioDraftEn, string> = {
  "errors.draft_conflict": "自你打开以来，这份草稿已在另一个标签页或设备上被修改。",

  "studio.draft.saving": "正在保存草稿…",
  "studio.draft.saved": "草稿已保存",
  "studio.draft.savedAt": "草稿已于 {time} 保存",
  "studio.draft.notSaved": "草稿未保存：{reason}",
  "studio.draft.tooLong": "有提示词超过 512 个字符。",
  "studio.draft.clear": "清除草稿",
  "studio.draft.cleared": "草稿已清除。",
  "studio.draft.failed": "草稿操作未完成：{reason}",
  "studio.draft.conflict": "这份草稿已在另一个标签页或设备上被修改，此处的更改尚未保存。",
  "studio.draft.loadNewer": "载入较新的草稿",
  "studio.draft.keepMine": "保留我的",
  "studio.draft.loadedNewer": "已载入较新的草稿。",
  "studio.draft.keptMine": "你的草稿已替换另一份。",
  "studio.draft.restored": "已恢复你的草稿。",
  "studio.draft.imageMissing": "草稿中选择的图片在此已不可用，请重新选择。",

  "studio.history.open": "最近的提示词",
  "studio.history.title": "此工作区最近的提示词",
  "studio.history.search": "搜索最近的提示词",
  "studio.history.searchPlaceholder": "搜索…",
  "studio.history.loading": "正在载入最近的提示词…",
  "studio.history.empty": "还没有提示词：你在这里生成的片段的提示词会出现在此列表中。",
  "studio.history.noMatch": "没有包含“{q}”的最近提示词。",
  "studio.history.loadError": "无法载入最近的提示词：{reason}",
  "studio.history.count": "{count} 条提示词",
  "studio.history.used": "已填入提示词。",
  "studio.history.close": "关闭",
};
