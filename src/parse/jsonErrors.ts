/**
 * JSON.parse's English messages in Chinese. The character at the error often says more than the
 * message: full-width punctuation typed in a Chinese input method is the usual culprit.
 */
const FULL_WIDTH: Record<string, string> = {
  '：': '冒号是全角的「：」，JSON 要求半角冒号「:」',
  '，': '逗号是全角的「，」，JSON 要求半角逗号「,」',
  '“': '引号是全角的「“」，JSON 要求半角双引号「"」',
  '”': '引号是全角的「”」，JSON 要求半角双引号「"」',
};

const MESSAGES: [RegExp, string][] = [
  [/Expected double-quoted property name/, '此处应为带双引号的字段名（常见原因：最后一项后面多了逗号，或字段名没加双引号）'],
  [/Unterminated string/, '文字缺少结尾的双引号「"」'],
  [/Unexpected end of JSON input/, '文件意外结束：缺少结尾的括号或引号'],
  [/Expected ',' or '\}'/, '缺少逗号「,」或右花括号「}」'],
  [/Expected ',' or '\]'/, '缺少逗号「,」或右方括号「]」'],
  [/Expected ':' after property name/, '字段名后缺少冒号「:」'],
  [/Bad control character|Bad escaped character/, '双引号内有无效字符：换行请写作 \\n，反斜杠写作 \\\\'],
  [/non-whitespace character after JSON/, 'JSON 已经结束，后面还有多余的内容'],
  [/Unexpected token/, '此处出现了意外的符号'],
];

/** A JSON syntax error in Chinese, looking first at the character where parsing stopped. */
export function jsonErrorInChinese(message: string, charAtError: string | undefined): string {
  const fullWidth = charAtError && FULL_WIDTH[charAtError];
  if (fullWidth) return fullWidth;
  return MESSAGES.find(([re]) => re.test(message))?.[1] ?? 'JSON 格式不对';
}
