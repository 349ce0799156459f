/**
 * Issue 18, point 1: every commissioned institution is answered — at fault or not — in the
 * analysis and in the opinion, in all three kinds; one no fault item covers is an error.
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/check.js';
import { KINDS, text, type Edit } from './support.js';

/** A second hospital, commissioned, whose care the panel found without fault. */
const secondWithoutFault: Edit = (c) => {
  c.basicInfo.medicalInstitutions.push({ id: 'H2', name: '某某市中心医院', level: '三级甲等' });
  c.basicInfo.treatment.push({ institution: 'H2', from: '2025-10-30', to: '2025-11-20', setting: '住院', summary: '转入后行经皮穿刺引流，感染控制后出院。' });
  c.faultAnalysis.items.push({ id: 'F2', institution: 'H2', conduct: '转入后的引流与抗感染治疗', isFault: false, analysis: '转入后及时行穿刺引流，抗感染治疗符合规范。' });
};

describe('INSTITUTION_NOT_ANALYSED (Art. 24(4))', () => {
  it('accepts every commissioned institution covered by a fault item', () => expect(codes(secondWithoutFault)).toEqual([]));
  it('refuses a commissioned institution no fault item covers', () => {
    expect(codes((c) => { secondWithoutFault(c); c.faultAnalysis.items.pop(); })).toContain('INSTITUTION_NOT_ANALYSED');
  });
  it('accepts an institution that is only part of the treatment record', () => {
    expect(codes((c) => { secondWithoutFault(c); c.faultAnalysis.items.pop(); c.basicInfo.medicalInstitutions[1]!.commissioned = false; })).toEqual([]);
  });
  it('lets an item without an institution stand for the sole commissioned one only', () => {
    expect(codes((c) => { delete c.faultAnalysis.items[0]!.institution; })).toEqual([]);
    expect(codes((c) => { secondWithoutFault(c); delete c.faultAnalysis.items[0]!.institution; })).toContain('INSTITUTION_NOT_ANALYSED');
  });
});

describe.each(KINDS)('the institution without fault is answered (%s)', (kind, toKind) => {
  const term = kind === 'accident' ? '医疗过失行为' : '过错';
  const printed = text((c) => { toKind(c); secondWithoutFault(c); });
  const opinion = printed.slice(printed.lastIndexOf(kind === 'accident' ? '鉴定结论' : '鉴定意见'));
  it('in the opinion', () => {
    expect(opinion).toContain(`某某市中心医院在对${kind === 'judicial' ? '被鉴定人' : '患者'}张某某的诊疗过程中未见明显${term}。`);
    expect(opinion).toMatch(/某某市第一人民医院在对.*张某某的诊疗过程中存在/u);
  });
  it('in the analysis, closing with each institution', () => {
    expect(printed).toMatch(new RegExp(`综上，某某市第一人民医院在对.*存在.*。某某市中心医院在对.*未见明显${term}。`, 'u'));
  });
  it('names a single institution without fault too', () => {
    const alone = text((c) => { toKind(c); c.faultAnalysis.items[0]!.isFault = false; c.causationAnalysis.items[0]!.causation = 'none'; delete c.causationAnalysis.items[0]!.participation; delete c.damage.consequences[0]!.disabilityGrade; if (c.damage.accident) c.damage.accident = { isAccident: false, reason: '医方诊疗行为未见过失。' }; });
    expect(alone).toContain(`某某市第一人民医院在对${kind === 'judicial' ? '被鉴定人' : '患者'}张某某的诊疗过程中未见明显${term}。`);
  });
});
