import type { promptHelpEn } from "./prompt-help.en";

// 提示词助手（工作室提示词框、影片镜头编辑器）。
export const promptHelpZhCN: Record<keyof typeof promptHelpEn, string> = {
  "errors.ai_unsafe_content": "文本服务认为这段文字可能包含不安全或敏感内容，已拒绝。请修改措辞后重试。未产生费用。",
  "errors.ai_call_failed": "文本服务暂时无法回答（代码 {code}）。未产生费用，请稍后重试。",
  "errors.ai_call_unconfirmed": "文本服务未确认其回答，可能已计费，因此费用仍计入；请求没有重复发送。",
  "errors.ai_answer_invalid": "文本服务的回答被截断或无法读取，因此没有建议。本次花费 {cost}。请重试，或缩短文字。",
  "errors.field.prompt_help_empty": "请先输入文字：提示词助手处理输入框中的内容。",
  "errors.field.prompt_help_too_long": "提示词助手最多处理 2000 个字符。",

  "promptHelp.group": "提示词助手",
  "promptHelp.expand": "扩写",
  "promptHelp.translate": "中英互译",
  "promptHelp.rewrite": "改写为 Vidu 提示词（≤512）",
  "promptHelp.working": "正在询问文本模型…",
  "promptHelp.pending": "仍在处理中，建议稍后显示在这里。",
  "promptHelp.suggestion": "建议",
  "promptHelp.accept": "采用建议",
  "promptHelp.reject": "放弃",
  "promptHelp.cost": "花费 {cost}（预留 {held}）",
  "promptHelp.accepted": "建议已填入提示词。",
  "promptHelp.rejected": "已放弃建议。",
  "promptHelp.hint": "使用工作室密钥调用文本模型，计入您的预算。",
};
