/** commander's own usage errors, worded in Chinese (its English wording is kept for --lang en). */
const PATTERNS: [RegExp, (...m: string[]) => string][] = [
  [/unknown option '([^']+)'(?:\s*\(Did you mean ([^)]+)\?\))?/, (o, s) => `未知选项 ${o}${s ? `，是否为 ${s}？` : ''}`],
  [/unknown command '([^']+)'/, (c) => `未知命令 ${c}（可用：validate、render、batch、init、schema、causation）`],
  [/missing required argument '([^']+)'/, (a) => `缺少参数 ${a}`],
  [/required option '([^']+)' not specified/, (o) => `缺少必填选项 ${o}`],
  [/option '([^']+)' argument '([^']*)' is invalid\. Allowed choices are (.+)\./, (o, v, c) => `选项 ${o} 的值「${v}」无效，可选：${c}`],
  [/option '([^']+)' argument missing/, (o) => `选项 ${o} 缺少取值`],
  [/too many arguments(?: for '([^']+)')?/, (c) => `参数过多${c ? `（${c}）` : ''}`],
];

export function chineseCommanderError(message: string): string {
  for (const [pattern, word] of PATTERNS) {
    const m = pattern.exec(message);
    if (m) return `错误：${word(...m.slice(1))}\n`;
  }
  return message;
}
