import { describe, expect, it } from 'vitest';
import { codes, diagnose } from '../support/check.js';

describe('procedure (Jiangsu measures Art. 8, 10, 13, 15, 20)', () => {
  it('at most 3 attendees per side', () => {
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `家属${i + 1}` }));
    expect(codes((c) => { c.process.hearing.patientSide = people(3); })).not.toContain('HEARING_ATTENDEES');
    expect(codes((c) => { c.process.hearing.patientSide = people(4); })).toContain('HEARING_ATTENDEES');
  });

  it('a re-appraisal carries the original opinion', () => {
    expect(codes((c) => { c.report.appraisalType = '重新鉴定'; })).toContain('REAPPRAISAL_ORIGINAL_MISSING');
    expect(codes((c) => {
      c.report.appraisalType = 'reappraisal';
      c.basicInfo.commission.originalOpinion = { institution: '某某区医学会', documentNumber: '某区医鉴〔2025〕3号', date: '2025-12-01' };
    })).toEqual([]);
  });

  it('refuses a one-sided commission in mediation', () => {
    const commission = (commissionedBy: string) => codes((c) => Object.assign(c.basicInfo.commission, { setting: '人民调解', commissionedBy, client: '某某医疗纠纷人民调解委员会' }));
    expect(commission('患方')).toContain('COMMISSION_ONE_SIDED');
    expect(commission('医方')).toContain('COMMISSION_ONE_SIDED');
    expect(commission('共同委托')).toEqual([]);
  });

  it('materials must be confirmed', () => {
    expect(codes((c) => { c.process.materials[0]!.confirmed = false; })).toContain('MATERIALS_UNCONFIRMED');
  });

  it('再次鉴定 only for accident appraisals', () => {
    expect(codes((c) => { c.report.appraisalType = '再次鉴定'; })).toContain('APPRAISAL_TYPE_KIND');
  });

  it('messages cite the article', () => {
    const d = diagnose((c) => { c.process.materials[0]!.confirmed = false; }).diagnostics[0]!;
    expect(d.message).toMatch(/《江苏省医疗损害鉴定管理办法》第十三条/);
  });
});

describe('second accident appraisal (医疗事故处理条例 Art. 21, 22)', () => {
  it('carries the first appraisal', () => {
    const second = (c: Parameters<Parameters<typeof codes>[0] & object>[0]) => {
      c.report.kind = 'accident';
      c.report.appraisalType = '再次鉴定';
      c.institution.shortName = '某医鉴';
      c.report.documentNumber = '某医鉴〔2026〕15号';
      c.damage.accident = { isAccident: true, grade: '三级戊等', responsibility: '次要责任' };
    };
    expect(codes(second)).toEqual(['REAPPRAISAL_ORIGINAL_MISSING']);
    expect(codes((c) => { second(c); c.basicInfo.commission.originalOpinion = { institution: '某某市医学会', documentNumber: '某医鉴〔2025〕9号', date: '2025-12-01' }; })).toEqual([]);
  });
});
