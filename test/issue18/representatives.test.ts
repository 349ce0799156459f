/**
 * Issue 18, point 4: guardians, close relatives and agents — recorded, printed under the patient,
 * named at the hearing, and checked (民法典 Art. 23, 27, 1181; Jiangsu measures Art. 20, 21(5)).
 */
import { describe, expect, it } from 'vitest';
import { codes } from '../support/check.js';
import { KINDS, text, type Edit } from './support.js';

const minor: Edit = (c) => { c.basicInfo.patient.age = 9; };
const guardian: Edit = (c) => { c.basicInfo.representatives = [{ name: '王某某', capacity: '监护人', relationship: '患儿之母' }, { name: '陆某', capacity: '委托代理人', relationship: '律师' }]; };
const died: Edit = (c) => { c.damage.death = { date: '2025-11-02', autopsy: true, causeOfDeath: '腹腔感染致感染性休克' }; };

describe('rules, both sides', () => {
  it('a minor needs a guardian', () => {
    expect(codes(minor)).toContain('PATIENT_GUARDIAN_MISSING');
    expect(codes((c) => { minor(c); guardian(c); })).not.toContain('PATIENT_GUARDIAN_MISSING');
  });
  it('a minor by birth date on the report date, and an incapacitated adult', () => {
    expect(codes((c) => { delete c.basicInfo.patient.age; c.basicInfo.patient.birthDate = '2008-04-21'; })).toContain('PATIENT_GUARDIAN_MISSING');
    expect(codes((c) => { delete c.basicInfo.patient.age; c.basicInfo.patient.birthDate = '2008-04-20'; })).not.toContain('PATIENT_GUARDIAN_MISSING');
    expect(codes((c) => { c.basicInfo.patient.incapacitated = true; })).toContain('PATIENT_GUARDIAN_MISSING');
  });
  it('a deceased patient\'s side are the close relatives', () => {
    expect(codes((c) => { died(c); c.basicInfo.representatives = []; })).toContain('PATIENT_RELATIVES_MISSING');
    expect(codes((c) => { died(c); c.basicInfo.representatives = [{ name: '张某', capacity: 'relative', relationship: '患者之子' }]; })).not.toContain('PATIENT_RELATIVES_MISSING');
  });
  it('a deceased patient does not attend the hearing', () => {
    expect(codes((c) => { died(c); c.process.hearing.patientSide = [{ name: '张某某' }]; })).toContain('HEARING_DECEASED_PATIENT');
    expect(codes((c) => { c.process.hearing.patientSide = [{ name: '张某某' }]; })).not.toContain('HEARING_DECEASED_PATIENT');
  });
  it('a minor is examined with the guardian present (Art. 21(5))', () => {
    const examined: Edit = (c) => { minor(c); guardian(c); c.process.examination = { date: '2026-04-01', findings: '腹部见手术瘢痕。', present: ['鉴定组长赵某某'] }; };
    expect(codes(examined)).toContain('EXAMINATION_GUARDIAN_ABSENT');
    expect(codes((c) => { examined(c); c.process.examination!.present.push('王某某'); })).not.toContain('EXAMINATION_GUARDIAN_ABSENT');
  });
});

describe.each(KINDS)('printed (%s)', (_kind, toKind) => {
  const printed = text((c) => { toKind(c); minor(c); guardian(c); c.process.hearing.patientSide = [{ name: '王某某' }, { name: '陆某' }]; });
  it('under the patient', () => {
    expect(printed).toContain('监护人：王某某（患儿之母）');
    expect(printed).toContain('委托代理人：陆某（律师）');
  });
  it('at the hearing, by capacity', () => expect(printed).toContain('王某某（监护人，患儿之母）、陆某（委托代理人，律师）'));
  it('the relatives of a deceased patient as the patient side', () => {
    expect(text((c) => { toKind(c); died(c); c.basicInfo.representatives = [{ name: '张某', capacity: 'relative', relationship: '患者之子' }]; c.process.hearing.patientSide = [{ name: '张某' }]; if (c.damage.accident) c.damage.accident.grade = '一级甲等'; delete c.damage.consequences[0]!.disabilityGrade; })).toContain('患方（近亲属）：张某（患者之子）');
  });
});
