import type { filmRenderEn } from "./film-render.en";

export const filmRenderZhCN: Record<keyof typeof filmRenderEn, string> = {
  "errors.film_cut_invalid": "此剪辑无法渲染，请修改所列的片段。",
  "errors.film_input_invalid": "无法读取「{shot}」的视频：文件已损坏、缺失或比剪裁范围短。",
  "errors.field.film_empty": "影片中没有片段。",
  "errors.field.film_trim_out_of_range": "剪裁范围超出了视频。",
  "errors.field.film_trim_too_short": "每个片段至少需要半秒。",
  "errors.field.film_transition_too_long": "转场比它连接的某个片段的一半还长。",
};
