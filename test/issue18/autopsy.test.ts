/**
 * Issue 18, point 5: who performed the autopsy, the report's number and date and its findings,
 * printed where the death is stated, in all three kinds; checked against the death they explain.
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/check.js';
import { KINDS, text, type Edit } from './support.js';

const report = { performedBy: '某某医科大学法医病理司法鉴定所', reportNumber: '某医法病〔2025〕第31号', date: '2025-11-20', findings: '弥漫性化脓性腹膜炎，胆总管壁破口0.4 cm。' };
const autopsied: Edit = (c) => {
  c.damage.death = { date: '2025-11-02', autopsy: true, causeOfDeath: '胆漏致弥漫性腹膜炎、感染性休克', autopsyReport: { ...report } };
  delete c.damage.consequences[0]!.disabilityGrade;
  c.damage.consequences[0]!.description = '死亡';
  c.panel.experts[2]!.specialty = '法医学';
};

describe('autopsy report rules', () => {
  it('accepts a report with the autopsy', () => expect(codes(autopsied)).toEqual([]));
  it('warns when an autopsy names no report', () => {
    expect(codes((c) => { autopsied(c); delete c.damage.death!.autopsyReport; })).toContain('AUTOPSY_REPORT_MISSING');
  });
  it('refuses a report without an autopsy, or dated before the death', () => {
    expect(codes((c) => { autopsied(c); c.damage.death!.autopsy = false; })).toContain('AUTOPSY_REPORT_WITHOUT_AUTOPSY');
    expect(codes((c) => { autopsied(c); c.damage.death!.autopsyReport!.date = '2025-10-30'; })).toContain('AUTOPSY_REPORT_DATE');
  });
});

describe.each(KINDS)('printed where the death is stated (%s)', (kind, toKind) => {
  const printed = text((c) => { toKind(c); autopsied(c); if (c.damage.accident) c.damage.accident.grade = '一级甲等'; });
  const subject = kind === 'judicial' ? '被鉴定人' : '患者';
  it('who, which report, when', () => {
    expect(printed).toContain(`${subject}张某某于2025年11月2日死亡，经某某医科大学法医病理司法鉴定所尸体解剖（尸检报告某医法病〔2025〕第31号，2025年11月20日），死亡原因为胆漏致弥漫性腹膜炎、感染性休克。`);
  });
  it('and the findings after it', () => expect(printed).toMatch(/尸体解剖所见及病理诊断：\n弥漫性化脓性腹膜炎，胆总管壁破口0\.4 cm。/u));
});
