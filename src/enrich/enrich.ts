/** A valid case → the report model. Pure: same case and options, same model. */
import { AUTOPSY_CAVEAT, needsAutopsyCaveat } from '../domain/autopsy.js';
import { APPRAISAL_TYPES, REPORT_KINDS } from '../domain/reportKinds.js';
import type { Case } from '../schema/case.js';
import { selfReference } from '../domain/selfReference.js';
import { commissionOf, datesOf, institutionOf, titleOf, titleParts, treatmentOf, watermarkOf } from './basics.js';
import { composeConclusions, faultConclusion } from './conclusions.js';
import { answersOf, causationOf, damageOf, faultsOf, faultTerm } from './findings.js';
import type { ReportModel } from './model.js';
import { appraisersOf, consultationsOf, expertsOf, panelOf, patientOf } from './parties.js';
import { processNarrative } from './processNarrative.js';
import { representativeLines } from './representatives.js';
import { signatureOf } from './signature.js';

export interface EnrichOptions {
  /** Overrides report.status (the CLI's --draft / --final). */
  status?: 'draft' | 'final';
  /** Training sample: 「样本」 watermark. */
  sample?: boolean;
  caseSha256: string;
  generator: string;
  /** The 查询校验码 and QR address, derived from the document's fingerprint (pipeline/fingerprint.ts). */
  verification: ReportModel['verification'];
}

/** The parts the opinion is composed from. */
function findingsOf(c: Case) {
  const kind = c.report.kind;
  const patient = patientOf(c);
  const subject = kind === 'judicial' ? '被鉴定人' : '患者';
  const caveat = needsAutopsyCaveat(c.damage.death) ? AUTOPSY_CAVEAT : null;
  const faults = faultsOf(c);
  return {
    kind, patient, subject, autopsyCaveat: caveat, faultTerm: faultTerm(c),
    faults, answers: answersOf(c, faults), causation: causationOf(c, caveat), damage: damageOf(c, `${subject}${patient.name}`),
  };
}

/** 民事证据规定 Art. 36: the methods relied on, as the recorded procedure shows them. */
function methodSentence(c: Case): string {
  const used = ['审查鉴定材料', '召开鉴定听证会听取医患双方陈述'];
  if (c.process.examination) used.push(`对${c.report.kind === 'judicial' ? '被鉴定人' : '患者'}进行体格检查`);
  if (c.panel.experts.some((e) => e.consultation)) used.push('听取专家咨询意见');
  return `本次鉴定采用${used.join('、')}的方法，依据鉴定材料和检验所见，对照相关标准和诊疗规范进行分析。`;
}

/** The damage part is named after what it holds; an accident appraisal grades in a part of its own. */
function damageHeading(c: Case): string {
  const held = [
    c.damage.consequences.some((x) => x.disabilityGrade !== undefined) && c.report.kind !== 'accident' ? '伤残等级' : null,
    c.damage.consequences.some((x) => x.injuryDegree !== undefined) ? '损伤程度' : null,
  ].filter(Boolean);
  return held.length ? `医疗损害后果及${held.join('、')}` : '医疗损害后果';
}

/**
 * Several institutions commissioned: the analysis closes with each one's answer, in one sentence —
 * unless the case's own summary already answers every one of them (the finding is not said twice).
 */
function faultVerdict(f: ReturnType<typeof findingsOf>, summary: string[]): string | null {
  if (f.answers.length < 2) return null;
  const text = summary.join('');
  if (text && f.answers.every((a) => text.includes(a.name))) return null;
  // Whole sentences: an institution's own list of faults is already joined with 「；」.
  return `综上，${faultConclusion(f.answers, `${f.subject}${f.patient.name}`, f.faultTerm).join('')}`;
}

export function enrich(c: Case, options: EnrichOptions): ReportModel {
  const kind = c.report.kind;
  const isDraft = (options.status ?? c.report.status) === 'draft';
  const sample = options.sample ?? false;
  const findings = findingsOf(c);
  const experts = expertsOf(c);
  const consultations = consultationsOf(c);
  const override = c.opinion.conclusions;
  const self = selfReference(kind, c.institution.name, c.institution.selfReference);
  return {
    ...findings,
    ...appraisersOf(c),
    isJudicial: kind === 'judicial', isAssociation: kind === 'association', isAccident: kind === 'accident',
    kindName: REPORT_KINDS[kind].name,
    appraisalTypeName: APPRAISAL_TYPES[c.report.appraisalType],
    // Not announced twice: a matter that already says 「…重新鉴定」 needs no 「（重新鉴定）」 under it.
    appraisalTypeNote: c.report.appraisalType === 'initial' || (c.report.title ?? '').includes(APPRAISAL_TYPES[c.report.appraisalType]) ? null : APPRAISAL_TYPES[c.report.appraisalType],
    // The cover names the document class only: a supplementary (or repeated) appraisal says so beneath it.
    coverTypeNote: c.report.appraisalType === 'initial' ? null : APPRAISAL_TYPES[c.report.appraisalType],
    isDraft, isSample: sample, watermark: watermarkOf(isDraft, sample),
    title: titleOf(c, findings.patient.name),
    ...titleParts(c, findings.patient.name),
    self, methodSentence: methodSentence(c), conclusionTerm: kind === 'accident' ? '鉴定结论' : '鉴定意见', damageHeading: damageHeading(c),
    documentNumber: c.report.documentNumber,
    institution: institutionOf(c),
    dates: datesOf(c),
    commission: commissionOf(c),
    representatives: representativeLines(c),
    medicalInstitutions: c.basicInfo.medicalInstitutions.map((m) => ({ id: m.id, name: m.name, level: m.level ?? null })),
    summary: c.basicInfo.summary,
    treatment: treatmentOf(c),
    statements: { patientSide: c.statements.patientSide, medicalSide: c.statements.medicalSide },
    process: processNarrative(c, experts, self),
    panel: panelOf(c, experts),
    consultations, hasDissent: consultations.some((x) => !x.agrees),
    faultSummary: c.faultAnalysis.summary ?? [],
    faultVerdict: faultVerdict(findings, c.faultAnalysis.summary ?? []),
    citations: c.citations,
    signature: signatureOf(c, isDraft),
    conclusions: [...(override ?? composeConclusions(findings)), ...(c.opinion.additional ?? [])],
    conclusionsOverridden: override !== undefined,
    caseSha256: options.caseSha256,
    verification: options.verification,
    generator: options.generator,
  };
}
