// The upstream's business error codes (docs/upstream.md §4) with the HTTP status each arrives with and the
// class the studio reacts to. One table drives both the client's classification and the simulator's
// replies, so they cannot drift apart.

export type UpstreamErrorKind =
  | "retry" // transient: back off and try again (for a create only when nothing may have been accepted)
  | "queue" // account concurrency/frequency limit: wait for a slot
  | "breaker" // account-wide problem: stop all submits until an operator acts
  | "rejected" // this request will never succeed as sent
  | "task-missing" // poll of an id the account does not own / does not exist
  | "duplicate" // request_id already used: the first create landed
  | "ambiguous" // create may or may not have been accepted (bytes sent, no complete answer)
  | "malformed"; // unparseable or off-contract body

export interface ErrorCodeInfo {
  httpStatus: number;
  kind: UpstreamErrorKind;
  /** What the studio shows English readers (docs.z.ai api-code table, placeholders dropped). */
  messageEn: string;
  /** The Chinese message bigmodel.cn sends (docs.bigmodel.cn api-code table; placeholders in ${}). */
  messageZh: string;
}

export const ERROR_CODES: Readonly<Record<string, ErrorCodeInfo>> = {
  "500": { httpStatus: 500, kind: "retry", messageEn: "Internal server error, please try again later.", messageZh: "服务器内部错误，请稍后重试。" },
  "1000": { httpStatus: 401, kind: "breaker", messageEn: "Authentication failed.", messageZh: "身份验证失败。" },
  "1001": { httpStatus: 401, kind: "breaker", messageEn: "No Authorization header was received.", messageZh: "Header中未收到Authorization参数，无法进行身份验证。" },
  "1002": { httpStatus: 401, kind: "breaker", messageEn: "The Authorization token is invalid.", messageZh: "Authorization Token非法，请确认Authorization Token正确传递。" },
  "1003": { httpStatus: 401, kind: "breaker", messageEn: "The Authorization token has expired.", messageZh: "Authorization Token过期，请重新生成/获取。" },
  "1004": { httpStatus: 401, kind: "breaker", messageEn: "Authorization token verification failed.", messageZh: "通过Authorization Token验证失败。" },
  "1005": { httpStatus: 401, kind: "breaker", messageEn: "Two-factor protection is on; complete the verification first.", messageZh: "已开启二次验证保护，请先完成验证。" },
  "401": { httpStatus: 401, kind: "breaker", messageEn: "The token has expired or is invalid.", messageZh: "令牌已过期或验证不正确" },
  "1110": { httpStatus: 429, kind: "breaker", messageEn: "The account is inactive.", messageZh: "您的账户当前处于非活动状态，请检查账户信息。" },
  "1111": { httpStatus: 429, kind: "breaker", messageEn: "The account does not exist.", messageZh: "您的账户不存在。" },
  "1112": { httpStatus: 429, kind: "breaker", messageEn: "The account is locked; contact support.", messageZh: "您的账户已被锁定，请联系客服解锁。" },
  "1113": { httpStatus: 429, kind: "breaker", messageEn: "Insufficient balance or no resource package. Please recharge.", messageZh: "余额不足或无可用资源包,请充值。" },
  "1121": { httpStatus: 429, kind: "breaker", messageEn: "The account is locked for violations; contact support.", messageZh: "账户因违规已被锁定，请联系客服解锁。" },
  "1200": { httpStatus: 500, kind: "retry", messageEn: "The API call failed, please try again later.", messageZh: "API 调用失败，请稍后重试。" },
  "1210": { httpStatus: 400, kind: "rejected", messageEn: "Invalid API parameter, please check the documentation.", messageZh: "API 调用参数有误，请检查文档。" },
  "1211": { httpStatus: 400, kind: "rejected", messageEn: "The model does not exist.", messageZh: "模型不存在，请检查模型代码。" },
  "1212": { httpStatus: 400, kind: "rejected", messageEn: "The model does not support this call method.", messageZh: "当前模型不支持${method}调用方式。" },
  "1213": { httpStatus: 400, kind: "rejected", messageEn: "A required parameter is missing.", messageZh: "未正常接收到${field}参数。" },
  "1214": { httpStatus: 400, kind: "rejected", messageEn: "A parameter is invalid.", messageZh: "${field}参数非法。请检查文档。" },
  "1215": { httpStatus: 400, kind: "rejected", messageEn: "Two parameters cannot be set together.", messageZh: "${field1}与${field2}不能同时设置，请检查文档。" },
  "1220": { httpStatus: 403, kind: "breaker", messageEn: "No permission for this API.", messageZh: "您当前没有访问该API的权限。" },
  "1221": { httpStatus: 400, kind: "rejected", messageEn: "The API is offline.", messageZh: "API 已下线。" },
  "1222": { httpStatus: 400, kind: "rejected", messageEn: "The API does not exist.", messageZh: "API 不存在。" },
  "1230": { httpStatus: 500, kind: "retry", messageEn: "API call flow error, please try again later.", messageZh: "API 调用流程出错，请稍后重试。" },
  // HTTP status for 1231 is not documented; the simulator answers 400 (UNVERIFIED).
  "1231": { httpStatus: 400, kind: "duplicate", messageEn: "A request with this request_id already exists.", messageZh: "您已有请求：${request_id}" },
  "1233": { httpStatus: 400, kind: "task-missing", messageEn: "The task does not exist.", messageZh: "任务：${id}不存在。" },
  "1234": { httpStatus: 500, kind: "retry", messageEn: "Network error; contact support.", messageZh: "网络错误，请联系客服。" },
  "1261": { httpStatus: 400, kind: "rejected", messageEn: "The prompt is too long.", messageZh: "Prompt 超长。" },
  "1301": {
    httpStatus: 400,
    kind: "rejected",
    messageEn: "The input or output was judged unsafe or sensitive.",
    messageZh: "系统检测到输入或生成内容可能包含不安全或敏感内容，请您避免输入易产生敏感内容的提示语，感谢您的配合。",
  },
  "1302": { httpStatus: 429, kind: "queue", messageEn: "The account's rate limit was reached.", messageZh: "您的账户已达到速率限制，请您控制请求频率" },
  "1303": { httpStatus: 429, kind: "queue", messageEn: "Requests to this API are too frequent.", messageZh: "您当前使用该API的频率过高，请降低频率。" },
  "1304": { httpStatus: 429, kind: "breaker", messageEn: "The API's daily call limit was reached.", messageZh: "该API已达今日调用次数限额。" },
  "1305": { httpStatus: 429, kind: "retry", messageEn: "The API has too many requests right now, please try again later.", messageZh: "当前API请求过多，请稍后重试。" },
};

/** Fill `${name}` placeholders of a table message. */
export function formatUpstreamMessage(code: string, vars: Record<string, string> = {}): string {
  const template = ERROR_CODES[code]?.messageZh ?? "未知错误";
  return template.replace(/\$\{(\w+)\}/g, (_, name: string) => vars[name] ?? "");
}

/**
 * A code as the studio shows it, in both languages: never the upstream's own text, which arrives in
 * Chinese from bigmodel.cn whatever the reader's language. Unknown codes say so, with the code.
 */
export function upstreamCodeMessages(code: string): { en: string; "zh-CN": string } {
  const info = ERROR_CODES[code];
  if (!info) return { en: `The video service answered with code ${code}.`, "zh-CN": `视频服务返回了代码 ${code}。` };
  return { en: info.messageEn, "zh-CN": info.messageZh.replace(/\$\{\w+\}/g, "").replace(/[：:]\s*$/, "。") };
}

/**
 * Class of an error reply. The business code wins (429 carries both "wait" 1302 and "stop" 1113);
 * an unknown code falls back to the HTTP status: 5xx transient, 401/403 account-level, 429 transient
 * (subscription quota codes 1308–1321 are account-level), other 4xx permanent.
 */
export function classifyUpstreamError(httpStatus: number, code: string | undefined): UpstreamErrorKind {
  const known = code === undefined ? undefined : ERROR_CODES[code];
  if (known) return known.kind;
  const n = code === undefined ? NaN : Number(code);
  if (n >= 1308 && n <= 1321) return "breaker";
  if (httpStatus >= 500) return "retry";
  if (httpStatus === 401 || httpStatus === 403) return "breaker";
  if (httpStatus === 429) return "retry";
  if (httpStatus >= 400) return "rejected";
  return "malformed";
}
