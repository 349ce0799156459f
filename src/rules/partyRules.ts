/**
 * Who acts for the patient (民法典 Art. 23, 27, 28, 1181) and who may come to the hearing and the
 * examination for them (Jiangsu measures Art. 20, 21).
 */
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import { error, warning, type Rule } from './rule.js';

const M = SOURCES.measures;
const ADULT = 18;

/** Completed years on the report date, from the age or the birth date the case gives. */
export function ageOnReport(c: Case): number | null {
  const p = c.basicInfo.patient;
  if (p.age !== undefined) return p.age;
  if (!p.birthDate) return null;
  const [by, bm, bd] = p.birthDate.split('-').map(Number) as [number, number, number];
  const [ry, rm, rd] = c.report.date.split('-').map(Number) as [number, number, number];
  return ry - by - (rm < bm || (rm === bm && rd < bd) ? 1 : 0);
}

/** A minor or an adult without full capacity; not a deceased patient, whose relatives act instead. */
export function needsGuardian(c: Case): boolean {
  if (c.damage.death) return false;
  const age = ageOnReport(c);
  return c.basicInfo.patient.incapacitated || (age !== null && age < ADULT);
}

const guardians = (c: Case) => c.basicInfo.representatives.filter((r) => r.capacity === 'guardian');

function guardian(c: Case): Diagnostic[] {
  if (!needsGuardian(c) || guardians(c).length) return [];
  const why = c.basicInfo.patient.incapacitated ? '为无民事行为能力人或限制民事行为能力人' : `为未成年人（${ageOnReport(c)}岁）`;
  return [warning('PATIENT_GUARDIAN_MISSING', 'basicInfo.representatives',
    `患者${why}，其监护人是法定代理人（${SOURCES.civilCode}第二十三条、第二十七条、第二十八条）：请在 basicInfo.representatives 中记载监护人（capacity: guardian）`,
    'The patient is a minor or lacks full capacity: record the guardian (basicInfo.representatives, capacity guardian)')];
}

function relatives(c: Case): Diagnostic[] {
  if (!c.damage.death || c.basicInfo.representatives.some((r) => r.capacity === 'relative')) return [];
  return [warning('PATIENT_RELATIVES_MISSING', 'basicInfo.representatives',
    `患者已死亡，患方为其近亲属（${SOURCES.civilCode}第一千一百八十一条）：请在 basicInfo.representatives 中记载作为患方的近亲属（capacity: relative）`,
    'The patient died: record the close relatives who are the patient side (basicInfo.representatives, capacity relative)')];
}

function deceasedAttends(c: Case): Diagnostic[] {
  const name = c.basicInfo.patient.name;
  const i = c.process.hearing.patientSide.findIndex((p) => p.name === name);
  if (!c.damage.death || i < 0) return [];
  return [error('HEARING_DECEASED_PATIENT', `process.hearing.patientSide[${i}]`,
    `患者${name}已死亡，不能作为患方到会人员；到会的应为其近亲属或代理人（${M}第二十条）`,
    'The patient died and cannot attend the hearing; list the relatives or agents who came')];
}

/** Art. 21(5): a minor (or an adult without capacity) is examined with the guardian present. */
function examinationGuardian(c: Case): Diagnostic[] {
  const ex = c.process.examination;
  if (!ex || !needsGuardian(c)) return [];
  const named = guardians(c).map((g) => g.name);
  if (named.some((n) => ex.present.some((p) => p.includes(n))) || ex.present.some((p) => p.includes('监护人'))) return [];
  return [warning('EXAMINATION_GUARDIAN_ABSENT', 'process.examination.present',
    `对未成年或无、限制民事行为能力的患者进行体检，应有其监护人在场（${M}第二十一条第（五）项）：在场人员中未见监护人`,
    'A minor or incapacitated patient is examined with the guardian present (Jiangsu measures Art. 21)')];
}

export const partyRules: Rule = (c) => [...guardian(c), ...relatives(c), ...deceasedAttends(c), ...examinationGuardian(c)];
