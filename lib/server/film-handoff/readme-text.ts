// The README.txt of a hand-off package: what is in it and how each editor opens it, in English and
// Chinese (the studio's two languages). Plain text, CRLF, so Notepad shows it as well as any editor.

export interface ReadmeFiles {
  otio: string;
  fcpxml: string;
  edl: string;
  srt: string;
}

export function handoffReadme(title: string, files: ReadmeFiles, clipCount: number, seconds: string): string {
  const lines = [
    `${title}`,
    `${clipCount} shot(s), ${seconds} s at 24 fps / ${clipCount} 个镜头，${seconds} 秒，24 帧/秒`,
    "",
    "CONTENTS",
    "  - media/: the chosen take of every shot, untouched (trims and transitions are in the timeline files)",
    `  - ${files.otio}: OpenTimelineIO timeline`,
    `  - ${files.fcpxml}: Final Cut Pro XML (version 1.9) timeline, with the captions`,
    `  - ${files.edl}: CMX 3600 edit decision list`,
    `  - ${files.srt}: the captions, timed to the cut (SubRip, UTF-8)`,
    "",
    "Keep the timeline files next to the media/ folder: they refer to the takes by relative paths.",
    "If an editor asks where the media is, point it at the media/ folder.",
    "",
    "DAVINCI RESOLVE",
    `  File > Import > Timeline..., choose ${files.fcpxml}, or ${files.otio} in versions that read`,
    "  OpenTimelineIO (18.5 and later).",
    "  Let Resolve import the source clips into the media pool when it asks.",
    `  Captions, if they did not come with the timeline: File > Import > Subtitle..., choose ${files.srt},`,
    "  and drag it onto the timeline.",
    "",
    "FINAL CUT PRO (10.5 or later)",
    `  File > Import > XML..., choose ${files.fcpxml}. The project opens in a new event.`,
    `  The captions come with the project (an SRT caption role); ${files.srt} holds the same lines.`,
    "",
    "ADOBE PREMIERE PRO",
    `  File > Import..., choose ${files.edl}; set the frame rate to 24 if asked, then link the`,
    "  offline clips to the files in media/ (the clip names are the file names).",
    `  Versions that read OpenTimelineIO can import ${files.otio} instead.`,
    `  Captions: File > Import..., choose ${files.srt}, and drag it onto the sequence.`,
    "",
    "Transitions: crossfades are Cross Dissolves, fades through black are Fade To Color (black) / dips to",
    "black, centred on the edit. Captions change at the middle of each transition.",
    "",
    "————————————————————————————————",
    "",
    "内容",
    "  media/   每个镜头选定的原始片段（未剪裁；剪裁与转场写在时间线文件里）",
    `  ${files.otio}：OpenTimelineIO 时间线；${files.fcpxml}：Final Cut Pro XML 1.9 时间线；`,
    `  ${files.edl}：CMX 3600 剪辑决策表；${files.srt}：与剪辑对齐的字幕（SubRip，UTF-8）。`,
    "请让时间线文件与 media/ 文件夹保持在同一目录：它们以相对路径引用素材。软件询问素材位置时，请指向 media/。",
    "",
    `DaVinci Resolve：文件 > 导入 > 时间线…，选择 ${files.fcpxml}（18.5 及以上版本也可选 ${files.otio}）；若字幕未随时间线导入：文件 > 导入 > 字幕…，选择 ${files.srt}。`,
    `Final Cut Pro：文件 > 导入 > XML…，选择 ${files.fcpxml}；字幕已随项目导入（SRT 字幕角色）。`,
    `Adobe Premiere Pro：文件 > 导入…，选择 ${files.edl}，再把离线片段链接到 media/ 中的文件；字幕同样导入 ${files.srt}。`,
    "",
  ];
  return lines.join("\r\n");
}
