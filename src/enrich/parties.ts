/** The people of the report model: patient, expert panel, consultations, appraisers. */
import { arabicDate } from '../domain/chineseDate.js';
import type { Case } from '../schema/case.js';
import type { ModelConsultation, ModelExpert, ReportModel } from './model.js';
import { clause } from './sentence.js';
import { institutionName, nullable } from './util.js';

export function patientOf(c: Case): ReportModel['patient'] {
  const p = c.basicInfo.patient;
  const sex = p.sex === 'male' ? '男' : '女';
  const age = p.age === undefined ? null : `${p.age}岁`;
  // A full date when known; only the year (「1950年出生」) for patients whose date is unknown.
  const birth = p.birthDate ? `${arabicDate(p.birthDate)}出生` : p.birthYear !== undefined ? `${p.birthYear}年出生` : null;
  const born = age ? null : birth;
  const id = p.idNumber ? `身份证号${p.idNumber}` : null;
  const address = p.address ? `住${clause(p.address)}` : null;
  const description = [p.name, sex, age, born, id, address].filter(Boolean).join('，');
  return { name: p.name, sex, age, description, address: nullable(p.address), deceased: c.damage.death !== undefined };
}

export function expertsOf(c: Case): ModelExpert[] {
  const judicial = c.report.kind === 'judicial';
  return c.panel.experts.map((e) => ({
    name: e.name, title: nullable(e.title), specialty: e.specialty, affiliation: e.affiliation ?? institutionName(c, e.institution),
    isLeader: e.role === 'leader', roleName: judicial ? '专家' : e.role === 'leader' ? '鉴定组长' : '专家组成员',
  }));
}

export function panelOf(c: Case, experts: ModelExpert[]): ReportModel['panel'] {
  return {
    mainSpecialty: c.panel.mainSpecialty, experts, leader: experts.find((e) => e.isLeader)?.name ?? null, dissent: nullable(c.panel.dissent),
    summary: experts.map((e) => `${e.name}（${[e.specialty, e.title].filter(Boolean).join('，')}）`).join('、'),
  };
}

/** Art. 23: the hearing experts' signed consultation opinions (judicial institutions). */
export function consultationsOf(c: Case): ModelConsultation[] {
  return c.panel.experts.flatMap((e) => e.consultation ? [{
    expert: e.name, title: nullable(e.title), specialty: e.specialty, affiliation: nullable(e.affiliation), opinion: e.consultation.opinion,
    agrees: e.consultation.agrees === true || e.consultation.agrees === 'agrees', partly: e.consultation.agrees === 'partly',
    response: nullable(e.consultation.appraiserResponse),
  }] : []);
}

export function appraisersOf(c: Case): Pick<ReportModel, 'appraisers' | 'reviewer'> {
  const person = (a: Case['appraisers'][number]) => ({ name: a.name, certificateNumber: a.certificateNumber, title: nullable(a.title) });
  return { appraisers: c.appraisers.map(person), reviewer: c.reviewer ? person(c.reviewer) : null };
}
