/** Dates written the Chinese way are read as meant, with a warning naming the field and the value used. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { badDateReason, looseDateToIso } from '../../src/schema/dates.js';

const VALID = fs.readFileSync('templates/init/association.yaml', 'utf8');
const withReportDate = (written: string) => loadCase(Buffer.from(VALID.replace('  date: 2026-04-20', `  date: ${written}`)), 'case.yaml');

describe('dates written other ways', () => {
  it.each(['2026/4/20', '2026.4.20', '2026-4-20', '2026年4月20日', '2026 年 4 月 20 日', '２０２６／４／２０', '"2026/04/20"'])('%s is read as 2026-04-20', (written) => {
    const r = withReportDate(written);
    expect(r.ok).toBe(true);
    expect(r.case!.report.date).toBe('2026-04-20');
    const d = r.diagnostics.find((x) => x.code === 'SCHEMA_DATE_FORM')!;
    expect(d).toMatchObject({ severity: 'warning', path: 'report.date', line: 11 });
    expect(d.message).toBe(`出具日期（report.date）写作「${written.replace(/"/g, '')}」，已按 2026-04-20 理解；请写作 YYYY-MM-DD`);
  });

  it('ISO dates pass without a word', () => {
    expect(withReportDate('2026-04-20').diagnostics).toEqual([]);
  });

  it.each([
    ['2026/2/30', '「2026/2/30」不是有效的日期：2026 年 2 月只有 28 天'],
    ['2024年2月30日', '「2024年2月30日」不是有效的日期：2024 年 2 月只有 29 天'],
    ['2026.13.1', '「2026.13.1」不是有效的日期：没有 13 月'],
    ['2026-02-30', '「2026-02-30」不是有效的日期：2026 年 2 月只有 28 天'],
    ['四月二十日', '「四月二十日」不是日期：日期应写作 YYYY-MM-DD（例如 2026-03-05）'],
  ])('%s is refused once, saying why', (written, reason) => {
    const r = withReportDate(written);
    expect(r.ok).toBe(false);
    const ds = r.diagnostics.filter((d) => d.path === 'report.date');
    expect(ds.map((d) => d.message)).toEqual([`出具日期（report.date）：${reason}`]);
  });

  it('mixed separators are not a date form', () => {
    expect(looseDateToIso('2026/4.20')).toBeUndefined();
    expect(badDateReason('2026/4.20')).toContain('不是日期');
  });
});
