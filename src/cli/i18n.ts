/** CLI wording in Chinese with an English option (--lang en). */
export type Lang = 'zh' | 'en';

export const TEXT = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  valid: { zh: '校验通过', en: 'valid' },
  invalid: { zh: '校验未通过', en: 'invalid' },
  written: { zh: '已写入', en: 'written' },
  nothingWritten: { zh: '未写入任何文件', en: 'nothing written' },
  internal: { zh: '内部错误（这是 jianding 的缺陷，请附上 --debug 的输出报告）', en: 'internal error (a bug in jianding; please report it with --debug output)' },
} as const;

export function t(key: keyof typeof TEXT, lang: Lang): string {
  return TEXT[key][lang];
}
