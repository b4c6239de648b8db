// The README.txt of a hand-off package: what is in it and how each editor opens it, in English and
// Chinese (the studio's two languages). Plain text, CRLF, so Notepad shows it as well as any editor.

export interface ReadmeFiles {
  otio: string;
  fcpxml: string;
  edl: string;
  srt: string;
}

/** A voice line whose WAV is not in the package: "stale" (the caption changed since it was spoken) or "missing". */
export interface LeftOutVoice {
  shot: number;
  speaker: string | null;
  reason: "stale" | "missing";
}

export interface ReadmeVoices {
  /** Package paths of the voice-over WAVs, in shot order. */
  files: string[];
  leftOut: LeftOutVoice[];
}

const LEFT_OUT_WHY: Record<LeftOutVoice["reason"], { en: string; zh: string }> = {
  stale: { en: "its caption changed after it was spoken", zh: "配音生成后字幕已修改" },
  missing: { en: "no voice file (not spoken yet, failed, or gone from storage)", zh: "没有配音文件（尚未生成、生成失败或已从存储中丢失）" },
};

function voiceLines(voices: ReadmeVoices): { en: string[]; zh: string[] } {
  if (voices.files.length === 0 && voices.leftOut.length === 0) return { en: [], zh: [] };
  const who = (v: LeftOutVoice) => (v.speaker ? ` (${v.speaker})` : "");
  const en = [
    "VOICE-OVER",
    ...(voices.files.length
      ? [
          "  audio/ holds each shot's voice line as spoken (WAV), named shot number - speaker:",
          ...voices.files.map((f) => `    ${f}`),
          "  The timelines place each one from its shot's first frame: OpenTimelineIO on audio tracks A1/A2,",
          "  Final Cut Pro XML as connected dialogue clips on lanes -1/-2, the EDL as audio events on channels",
          "  A and A2 (CMX 3600 audio channels). Consecutive lines alternate between the two tracks so a",
          "  line that runs into a transition is not cut by the next one. The export cuts each line at its",
          "  shot's end; the timelines do the same.",
        ]
      : []),
    ...(voices.leftOut.length
      ? ["  Not included (record or speak these lines again):", ...voices.leftOut.map((v) => `    shot ${v.shot}${who(v)}: ${LEFT_OUT_WHY[v.reason].en}`)]
      : []),
    "",
  ];
  const zh = [
    ...(voices.files.length ? [`配音：audio/ 中是各镜头的配音（WAV，按“镜头号-角色”命名），时间线从镜头的第一帧起放在音轨上（OTIO 的 A1/A2 音轨、FCPXML 的 -1/-2 通道、EDL 的 A/A2 声道）。`] : []),
    ...(voices.leftOut.length ? [`未包含的配音：${voices.leftOut.map((v) => `镜头 ${v.shot}${who(v)}：${LEFT_OUT_WHY[v.reason].zh}`).join("；")}。`] : []),
  ];
  return { en, zh };
}

export function handoffReadme(title: string, files: ReadmeFiles, clipCount: number, seconds: string, voices: ReadmeVoices = { files: [], leftOut: [] }): string {
  const voice = voiceLines(voices);
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
    ...voice.en,
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
    ...voice.zh,
    "",
    `DaVinci Resolve：文件 > 导入 > 时间线…，选择 ${files.fcpxml}（18.5 及以上版本也可选 ${files.otio}）；若字幕未随时间线导入：文件 > 导入 > 字幕…，选择 ${files.srt}。`,
    `Final Cut Pro：文件 > 导入 > XML…，选择 ${files.fcpxml}；字幕已随项目导入（SRT 字幕角色）。`,
    `Adobe Premiere Pro：文件 > 导入…，选择 ${files.edl}，再把离线片段链接到 media/ 中的文件；字幕同样导入 ${files.srt}。`,
    "",
  ];
  return lines.join("\r\n");
}
