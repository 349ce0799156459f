/** A valid case → the report model. Pure: same case and options, same model. */
import { AUTOPSY_CAVEAT, needsAutopsyCaveat } from '../domain/autopsy.js';
import { hasCausalLink } from '../domain/causation.js';
import { arabicDate, chineseDate } from '../domain/chineseDate.js';
import { accidentGrade, disabilityGradeName, injuryDegreeName } from '../domain/grades.js';
import { APPRAISAL_TYPES, COMMISSION_SETTINGS, COMMISSIONING_PARTIES, REPORT_KINDS } from '../domain/reportKinds.js';
import type { Case } from '../schema/case.js';
import { causationWording } from './causationWording.js';
import { composeConclusions } from './conclusions.js';
import type { ModelCausation, ModelConsequence, ModelFault, ReportModel } from './model.js';
import { processNarrative } from './processNarrative.js';
import { signatureOf } from './signature.js';

export interface EnrichOptions {
  /** Overrides report.status (the CLI's --draft / --final). */
  status?: 'draft' | 'final';
  /** Training sample: 「样本」 watermark. */
  sample?: boolean;
  caseSha256: string;
  generator: string;
}

const RESPONSIBILITY = { complete: '完全责任', major: '主要责任', minor: '次要责任', slight: '轻微责任' } as const;
const nullable = <T>(v: T | undefined): T | null => (v === undefined ? null : v);

function period(from: string, to: string | undefined): string {
  return to && to !== from ? `${arabicDate(from)}至${arabicDate(to)}` : arabicDate(from);
}

function institutionName(c: Case, id: string | undefined): string | null {
  return id === undefined ? null : (c.basicInfo.medicalInstitutions.find((m) => m.id === id)?.name ?? id);
}

function faultsOf(c: Case): ModelFault[] {
  return c.faultAnalysis.items.map((f) => ({
    id: f.id, institution: institutionName(c, f.institution), conduct: f.conduct, finding: nullable(f.finding), norm: nullable(f.norm),
    isFault: f.isFault, verdict: f.isFault ? '存在过错' : '未发现过错', analysis: f.analysis,
  }));
}

function consequencesOf(c: Case, who: string): ModelConsequence[] {
  return c.damage.consequences.map((x) => {
    const grade = x.disabilityGrade === undefined ? null : disabilityGradeName(x.disabilityGrade);
    const injury = x.injuryDegree === undefined ? null : injuryDegreeName(x.injuryDegree);
    const rating = grade ? `构成人体损伤致残程度${grade}` : injury ? `构成${injury}` : '';
    const statement = rating ? `${who}${x.description}，${rating}` : x.description;
    return { description: x.description, disabilityGrade: grade, injuryDegree: injury, statement, basis: nullable(x.basis) };
  });
}

function causationOf(c: Case, caveat: string | null): ModelCausation[] {
  return c.causationAnalysis.items.map((item) => {
    const consequence = c.damage.consequences.find((x) => x.id === item.consequence);
    const w = causationWording(c.report.kind, item.causation, item.participation, consequence?.injuryDegree !== undefined);
    return {
      consequence: consequence?.description ?? item.consequence, link: w.link, term: w.term,
      participationText: w.participationText, finding: w.clause, analysis: item.analysis,
      caveat: caveat && (hasCausalLink(item.causation) || item.causation === 'undetermined') ? caveat : null,
    };
  });
}

function accidentOf(c: Case) {
  const a = c.damage.accident;
  if (!a) return null;
  const grade = a.grade ? accidentGrade(a.grade).name : null;
  const responsibility = a.responsibility ? RESPONSIBILITY[a.responsibility] : null;
  const statement = a.isAccident ? `本例属于${grade ?? ''}医疗事故，医方承担${responsibility ?? ''}` : '本例不属于医疗事故';
  return { isAccident: a.isAccident, grade, responsibility, statement };
}

function patientOf(c: Case) {
  const p = c.basicInfo.patient;
  const sex = p.sex === 'male' ? '男' : '女';
  const age = p.age === undefined ? null : `${p.age}岁`;
  return { name: p.name, sex, age, description: [p.name, sex, age].filter(Boolean).join('，'), address: nullable(p.address), deceased: c.damage.death !== undefined };
}

/** Judicial titles name the matter (司法鉴定文书规范); associations head the document with their name. */
function titleOf(kind: Case['report']['kind'], institution: string, patient: string): string {
  return kind === 'judicial' ? `关于${patient}医疗损害的司法鉴定意见书` : `${institution}${REPORT_KINDS[kind].short}`;
}

function watermarkOf(isDraft: boolean, sample: boolean): string | null {
  if (sample) return '样本';
  return isDraft ? '征求意见稿' : null;
}

export function enrich(c: Case, options: EnrichOptions): ReportModel {
  const kind = c.report.kind;
  const isDraft = (options.status ?? c.report.status) === 'draft';
  const patient = patientOf(c);
  const caveat = needsAutopsyCaveat(c.damage.death) ? AUTOPSY_CAVEAT : null;
  const faults = faultsOf(c);
  const death = c.damage.death;
  const subject = kind === 'judicial' ? '被鉴定人' : '患者';
  const parts = {
    kind, faults, patient, subject, autopsyCaveat: caveat, causation: causationOf(c, caveat),
    damage: {
      death: death ? {
        date: arabicDate(death.date), autopsy: death.autopsy, causeOfDeath: nullable(death.causeOfDeath),
        statement: `${subject}${patient.name}于${arabicDate(death.date)}死亡${death.autopsy ? `，经尸体解剖${death.causeOfDeath ? `，死亡原因为${death.causeOfDeath}` : ''}` : '，未行尸体解剖'}`,
      } : null,
      consequences: consequencesOf(c, `${subject}${patient.name}`),
      accident: accidentOf(c),
      careAdvice: nullable(c.damage.careAdvice),
    },
  };
  const com = c.basicInfo.commission;
  const experts = c.panel.experts.map((e) => ({
    name: e.name, title: nullable(e.title), specialty: e.specialty, affiliation: nullable(e.affiliation),
    isLeader: e.role === 'leader', roleName: kind === 'judicial' ? '专家' : e.role === 'leader' ? '鉴定组长' : '专家组成员',
  }));
  const consultations = c.panel.experts.flatMap((e) => e.consultation ? [{
    expert: e.name, title: nullable(e.title), specialty: e.specialty, opinion: e.consultation.opinion,
    agrees: e.consultation.agrees, response: nullable(e.consultation.appraiserResponse),
  }] : []);
  const model: Omit<ReportModel, 'conclusions' | 'conclusionsOverridden'> = {
    ...parts,
    kind, isJudicial: kind === 'judicial', isAssociation: kind === 'association', isAccident: kind === 'accident',
    kindName: REPORT_KINDS[kind].name,
    appraisalTypeName: APPRAISAL_TYPES[c.report.appraisalType],
    appraisalTypeNote: c.report.appraisalType === 'initial' ? null : APPRAISAL_TYPES[c.report.appraisalType],
    isDraft, isSample: options.sample ?? false, watermark: watermarkOf(isDraft, options.sample ?? false),
    title: c.report.title ?? titleOf(kind, c.institution.name, patient.name),
    documentNumber: c.report.documentNumber,
    institution: {
      name: c.institution.name, shortName: nullable(c.institution.shortName), licenceNumber: nullable(c.institution.licenceNumber),
      address: nullable(c.institution.address), postcode: nullable(c.institution.postcode), phone: nullable(c.institution.phone),
    },
    dates: {
      received: arabicDate(com.receivedDate), accepted: arabicDate(com.acceptedDate), noticed: arabicDate(c.process.hearing.noticeDate),
      hearing: arabicDate(c.process.hearing.date), report: arabicDate(c.report.date), reportChinese: chineseDate(c.report.date), reportIso: c.report.date,
    },
    commission: {
      client: com.client, setting: COMMISSION_SETTINGS[com.setting], commissionedBy: COMMISSIONING_PARTIES[com.commissionedBy], matters: com.matters,
      originalOpinion: com.originalOpinion ? { ...com.originalOpinion, date: arabicDate(com.originalOpinion.date), conclusion: nullable(com.originalOpinion.conclusion) } : null,
    },
    medicalInstitutions: c.basicInfo.medicalInstitutions.map((m) => ({ id: m.id, name: m.name, level: nullable(m.level) })),
    summary: c.basicInfo.summary,
    treatment: c.basicInfo.treatment.map((t) => {
      const inst = institutionName(c, t.institution)!;
      const p = period(t.from, t.to);
      return { institution: inst, period: p, setting: nullable(t.setting), department: nullable(t.department), heading: `${inst}${t.setting ? `${t.setting}` : ''}诊疗经过（${p}）`, summary: t.summary };
    }),
    statements: { patientSide: c.statements.patientSide, medicalSide: c.statements.medicalSide },
    process: processNarrative(c, experts),
    panel: {
      mainSpecialty: c.panel.mainSpecialty, experts, leader: experts.find((e) => e.isLeader)?.name ?? null, dissent: nullable(c.panel.dissent),
      summary: experts.map((e) => `${e.name}（${[e.specialty, e.title].filter(Boolean).join('，')}）`).join('、'),
    },
    appraisers: c.appraisers.map((a) => ({ name: a.name, certificateNumber: a.certificateNumber, title: nullable(a.title) })),
    reviewer: c.reviewer ? { name: c.reviewer.name, certificateNumber: c.reviewer.certificateNumber, title: nullable(c.reviewer.title) } : null,
    consultations, hasDissent: consultations.some((x) => !x.agrees),
    faultSummary: c.faultAnalysis.summary ?? [],
    citations: c.citations,
    signature: signatureOf(c, isDraft),
    caseSha256: options.caseSha256,
    generator: options.generator,
  };
  const override = c.opinion.conclusions;
  const conclusions = [...(override ?? composeConclusions(parts)), ...(c.opinion.additional ?? [])];
  return { ...model, conclusions, conclusionsOverridden: override !== undefined };
}
