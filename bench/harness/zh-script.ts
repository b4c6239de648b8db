// A Chinese film script of an exact length for S1, generated deterministically (a seeded PRNG over
// phrase tables): scene headings (内景/外景 … 日/夜), narration sentences and "名字：台词" dialogue, in
// the shapes the breakdown's system prompt and the simulator's rule-based answer both read. Not one
// line repeated: every sentence is drawn from combinations, so the answer has many distinct shots.
import { prng } from "../../tests/support/seed-generations";

const PLACES = ["咖啡馆", "老街", "火车站", "屋顶", "码头", "书店", "医院走廊", "雨中的小巷", "山顶的寺庙", "地铁车厢", "夜市", "旧工厂"];
const TIMES = ["日", "夜", "黄昏", "清晨"];
const NAMES = ["小林", "老周", "阿梅", "陈医生", "王叔", "小雨", "李队长"];
const SUBJECTS = ["她", "他", "一只黑猫", "卖花的老人", "穿雨衣的孩子", "远处的路灯", "一辆旧自行车"];
const ACTIONS = ["慢慢走过", "停在", "回头望向", "轻轻推开", "在门口等着", "低头看着", "沿着墙边跑向", "静静地坐在"];
const OBJECTS = ["湿漉漉的台阶", "半开的木门", "褪色的招牌", "一封旧信", "闪烁的霓虹灯", "桌上的茶杯", "窗外的雨", "空荡荡的长椅"];
const MOODS = ["风吹起她的头发", "雨声越来越大", "灯光忽明忽暗", "空气里有咖啡的香味", "远处传来钟声", "街上没有一个人"];
const LINES = ["你终于来了", "我们没有时间了", "这封信是谁留下的", "别回头，一直往前走", "我记得这个地方", "明天早上在码头见", "你为什么不早点告诉我", "雨停了我们就出发", "这里以前是一家书店", "我不会再离开了"];

/** A script of exactly `chars` characters (code points), the same for the same seed. */
export function chineseScript(chars: number, seed = 14): string {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const lines: string[] = [];
  let scene = 0;
  let length = 0;
  const push = (line: string) => {
    lines.push(line);
    length += [...line].length + 1; // + the newline
  };
  while (length < chars) {
    scene++;
    push(`第${scene}场 ${pick(["内景", "外景"])} ${pick(PLACES)} ${pick(TIMES)}`);
    const beats = 4 + Math.floor(random() * 5);
    for (let b = 0; b < beats && length < chars; b++) {
      if (random() < 0.45) push(`${pick(NAMES)}：${pick(LINES)}${pick(["。", "？", "！"])}`);
      else push(`${pick(SUBJECTS)}${pick(ACTIONS)}${pick(OBJECTS)}，${pick(MOODS)}。`);
    }
  }
  return [...lines.join("\n")].slice(0, chars).join("");
}
