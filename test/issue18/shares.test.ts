/**
 * Issue 18, point 2: several institutions at fault — each one's causal share beside the combined
 * finding, each one's 责任程度 in an accident appraisal, and the opinion stating each.
 */
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/schema/case.js';
import { codes } from '../support/check.js';
import { accident, judicial, text, type Edit } from './support.js';

/** The second hospital also at fault; one causation item analyses both hospitals' faults together. */
const bothAtFault: Edit = (c) => {
  c.basicInfo.medicalInstitutions.push({ id: 'H2', name: '某某市中心医院', level: '三级甲等' });
  c.basicInfo.treatment.push({ institution: 'H2', from: '2025-10-30', to: '2025-11-20', setting: '住院', summary: '转入后3日方行引流。' });
  c.faultAnalysis.items.push({ id: 'F2', institution: 'H2', conduct: '转入后引流时机', finding: '腹腔感染确诊后延迟引流', isFault: true, analysis: '转入时已确诊腹腔感染，3日后方行穿刺引流。' });
  const item = c.causationAnalysis.items[0]!;
  Object.assign(item, { faults: ['F1', 'F2'], causation: 'major', participation: '60%' });
};
const withShares: Edit = (c) => {
  bothAtFault(c);
  c.causationAnalysis.items[0]!.shares = [{ institution: 'H1', causation: 'minor', participation: '35%' }, { institution: 'H2', causation: 'minor', participation: '25%' }];
};
const shares = (c: CaseInput) => c.causationAnalysis.items[0]!.shares!;

describe('per-institution shares (Art. 24(5), 25; SF/T 0095 Annex A)', () => {
  it('accepts a combined finding with each institution\'s share', () => expect(codes(withShares)).toEqual([]));
  it('refuses a combined finding without shares', () => expect(codes(bothAtFault)).toContain('CAUSATION_SHARES_MISSING'));
  it('accepts the institutions analysed in separate items instead', () => {
    expect(codes((c) => {
      bothAtFault(c);
      Object.assign(c.causationAnalysis.items[0]!, { faults: ['F1'], causation: 'minor', participation: 35 });
      c.causationAnalysis.items.push({ consequence: 'C1', faults: ['F2'], causation: 'minor', participation: 25, analysis: '延迟引流加重感染。' });
    })).toEqual([]);
  });
  it('refuses a share for an institution the item does not analyse', () => {
    expect(codes((c) => { withShares(c); shares(c)[1]!.institution = 'H9'; })).toContain('CAUSATION_SHARE_INSTITUTION');
  });
  it('refuses shares that cannot add up to the combined participation', () => {
    expect(codes((c) => { withShares(c); shares(c)[0]!.participation = '40%'; shares(c)[1]!.participation = '40%'; })).toContain('CAUSATION_SHARES_SUM');
    expect(codes((c) => { withShares(c); shares(c)[1]!.participation = '16%～30%'; })).not.toContain('CAUSATION_SHARES_SUM');
  });
  it('checks each share against its own type\'s band', () => {
    expect(codes((c) => { withShares(c); shares(c)[1]!.participation = '50%'; })).toContain('CAUSATION_PARTICIPATION_RANGE');
  });
});

describe('the opinion states the combined finding and each share', () => {
  it('association: 综合原因力 and each hospital\'s 因素', () => {
    const t = text(withShares);
    expect(t).toContain('某某市第一人民医院、某某市中心医院的上述过错与患者');
    expect(t).toContain('存在因果关系，综合原因力大小为主要因素（参与度60%）；其中某某市第一人民医院的过错为次要因素（参与度35%）；某某市中心医院的过错为次要因素（参与度25%）。');
  });
  it('judicial: 共同起主要作用, 综合过错参与度 and each hospital\'s 参与度', () => {
    const t = text((c) => { judicial(c); withShares(c); });
    expect(t).toContain('各医疗过错共同起主要作用，综合过错参与度（原因力）为60%（参考范围56%～95%）；其中某某市第一人民医院的过错起次要作用，过错参与度为35%；某某市中心医院的过错起次要作用，过错参与度为25%。');
  });
});

describe('accident: each institution\'s 责任程度 (条例 Art. 31)', () => {
  const accidentBoth: Edit = (c) => { accident(c); bothAtFault(c); c.damage.accident!.responsibility = '主要责任'; };
  const withDegrees: Edit = (c) => {
    accidentBoth(c);
    c.damage.accident!.responsibilities = [{ institution: 'H1', responsibility: '次要责任' }, { institution: 'H2', responsibility: '轻微责任' }];
  };
  it('accepts each institution\'s degree', () => expect(codes(withDegrees)).toEqual([]));
  it('refuses several institutions at fault without their degrees', () => expect(codes(accidentBoth)).toContain('ACCIDENT_RESPONSIBILITIES_MISSING'));
  it('refuses a degree for an institution without a linked fault', () => {
    expect(codes((c) => { withDegrees(c); c.faultAnalysis.items[1]!.isFault = false; })).toContain('ACCIDENT_RESPONSIBILITY_INSTITUTION');
  });
  it('states each degree in the responsibility part and the conclusion', () => {
    const t = text(withDegrees);
    expect(t).toContain('医疗过失行为在损害后果中的责任程度为主要责任，其中某某市第一人民医院承担次要责任，某某市中心医院承担轻微责任。');
    expect(t).toMatch(/本例属于三级戊等医疗事故，医方承担主要责任，其中某某市第一人民医院承担次要责任，某某市中心医院承担轻微责任。/u);
  });
});
