/** CLI wording in Chinese with an English option (--lang en). */
export type Lang = 'zh' | 'en';

export const TEXT = {
  error: { zh: '错误', en: 'error' },
  warning: { zh: '警告', en: 'warning' },
  valid: { zh: '校验通过', en: 'valid' },
  invalid: { zh: '校验未通过', en: 'invalid' },
  written: { zh: '已写入', en: 'written' },
  nothingWritten: { zh: '未写入任何文件', en: 'nothing written' },
  upToDate: { zh: '已是最新，未重新生成', en: 'up to date, not rendered again' },
  issued: { zh: '已签发，不重新生成（工具版本、模板或设置已变，正式文书保持原样）', en: 'already issued, not rendered again (the tool, templates or settings changed; the final stays as it was)' },
  internal: { zh: '内部错误（这是 jianding 的缺陷，请附上 --debug 的输出报告）', en: 'internal error (a bug in jianding; please report it with --debug output)' },
} as const;

export function t(key: keyof typeof TEXT, lang: Lang): string {
  return TEXT[key][lang];
}
