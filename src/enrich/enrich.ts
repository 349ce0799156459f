/** A valid case → the report model. Pure: same case and options, same model. */
import { AUTOPSY_CAVEAT, needsAutopsyCaveat } from '../domain/autopsy.js';
import { APPRAISAL_TYPES, REPORT_KINDS } from '../domain/reportKinds.js';
import type { Case } from '../schema/case.js';
import { commissionOf, datesOf, institutionOf, titleOf, treatmentOf, watermarkOf } from './basics.js';
import { composeConclusions } from './conclusions.js';
import { causationOf, damageOf, faultsOf } from './findings.js';
import type { ReportModel } from './model.js';
import { appraisersOf, consultationsOf, expertsOf, panelOf, patientOf } from './parties.js';
import { processNarrative } from './processNarrative.js';
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
  return {
    kind, patient, subject, autopsyCaveat: caveat,
    faults: faultsOf(c), causation: causationOf(c, caveat), damage: damageOf(c, `${subject}${patient.name}`),
  };
}

export function enrich(c: Case, options: EnrichOptions): ReportModel {
  const kind = c.report.kind;
  const isDraft = (options.status ?? c.report.status) === 'draft';
  const sample = options.sample ?? false;
  const findings = findingsOf(c);
  const experts = expertsOf(c);
  const consultations = consultationsOf(c);
  const override = c.opinion.conclusions;
  return {
    ...findings,
    ...appraisersOf(c),
    isJudicial: kind === 'judicial', isAssociation: kind === 'association', isAccident: kind === 'accident',
    kindName: REPORT_KINDS[kind].name,
    appraisalTypeName: APPRAISAL_TYPES[c.report.appraisalType],
    appraisalTypeNote: c.report.appraisalType === 'initial' ? null : APPRAISAL_TYPES[c.report.appraisalType],
    isDraft, isSample: sample, watermark: watermarkOf(isDraft, sample),
    title: titleOf(c, findings.patient.name),
    documentNumber: c.report.documentNumber,
    institution: institutionOf(c),
    dates: datesOf(c),
    commission: commissionOf(c),
    medicalInstitutions: c.basicInfo.medicalInstitutions.map((m) => ({ id: m.id, name: m.name, level: m.level ?? null })),
    summary: c.basicInfo.summary,
    treatment: treatmentOf(c),
    statements: { patientSide: c.statements.patientSide, medicalSide: c.statements.medicalSide },
    process: processNarrative(c, experts),
    panel: panelOf(c, experts),
    consultations, hasDissent: consultations.some((x) => !x.agrees),
    faultSummary: c.faultAnalysis.summary ?? [],
    citations: c.citations,
    signature: signatureOf(c, isDraft),
    conclusions: [...(override ?? composeConclusions(findings)), ...(c.opinion.additional ?? [])],
    conclusionsOverridden: override !== undefined,
    caseSha256: options.caseSha256,
    verification: options.verification,
    generator: options.generator,
  };
}
