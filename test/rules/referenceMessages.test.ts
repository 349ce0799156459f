/** A reference to a code that does not exist lists the codes that do, with a few words of each. */
import { describe, expect, it } from 'vitest';
import { diagnose } from '../support/check.js';

const find = (edit: Parameters<typeof diagnose>[0], code: string) => diagnose(edit).diagnostics.find((d) => d.code === code)!;

describe('unknown references', () => {
  it('an unknown fault lists the faults, each with the start of its finding', () => {
    const d = find((c) => {
      c.faultAnalysis.items.push({ ...c.faultAnalysis.items[0]!, id: 'F2', finding: '未告知手术风险及替代方案' });
      c.causationAnalysis.items[0]!.faults = ['F3'];
    }, 'REF_UNKNOWN_FAULT');
    expect(d.path).toBe('causationAnalysis.items[0].faults[0]');
    expect(d.message).toMatch(/^第 1 项因果关系分析的相关过错代号第 1 项（causationAnalysis\.items\[0\]\.faults\[0\]）引用了不存在的过错代号「F3」。可用的过错代号：F1（.{1,12}…?）、F2（未告知手术风险及替代方案）$/);
  });

  it('the same code in another case or width is suggested', () => {
    const d = find((c) => { c.basicInfo.treatment[0]!.institution = 'ｈ1'; }, 'REF_UNKNOWN_INSTITUTION');
    expect(d.message).toContain('引用了不存在的医疗机构代号「ｈ1」，是否为「H1」？可用的医疗机构代号：H1（某某市第一人民医院）');
  });

  it('an unknown consequence lists the consequences', () => {
    const d = find((c) => { c.causationAnalysis.items[0]!.consequence = 'C9'; }, 'REF_UNKNOWN_CONSEQUENCE');
    expect(d.message).toMatch(/可用的损害后果代号：C1（.+）$/);
  });
});
