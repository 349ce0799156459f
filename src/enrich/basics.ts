/** Article 24 (一) and the document's frame in the report model: institution, dates, commission, treatment, title. */
import { arabicDate, chineseDate } from '../domain/chineseDate.js';
import { COMMISSION_SETTINGS, COMMISSIONING_PARTIES, REPORT_KINDS } from '../domain/reportKinds.js';
import type { Case } from '../schema/case.js';
import type { ReportModel } from './model.js';
import { institutionName, nullable } from './util.js';

export function institutionOf(c: Case): ReportModel['institution'] {
  const i = c.institution;
  return { name: i.name, shortName: nullable(i.shortName), licenceNumber: nullable(i.licenceNumber), address: nullable(i.address), postcode: nullable(i.postcode), phone: nullable(i.phone), verifyUrl: nullable(i.verifyUrl) };
}

export function datesOf(c: Case): ReportModel['dates'] {
  const com = c.basicInfo.commission;
  const h = c.process.hearing;
  return {
    received: arabicDate(com.receivedDate), accepted: arabicDate(com.acceptedDate), noticed: arabicDate(h.noticeDate), hearing: arabicDate(h.date),
    report: arabicDate(c.report.date), reportChinese: chineseDate(c.report.date), reportIso: c.report.date,
  };
}

export function commissionOf(c: Case): ReportModel['commission'] {
  const com = c.basicInfo.commission;
  const original = com.originalOpinion;
  return {
    client: com.client, setting: COMMISSION_SETTINGS[com.setting], commissionedBy: COMMISSIONING_PARTIES[com.commissionedBy], matters: com.matters,
    originalOpinion: original ? { ...original, date: arabicDate(original.date), conclusion: nullable(original.conclusion) } : null,
  };
}

function period(from: string, to: string | undefined): string {
  return to && to !== from ? `${arabicDate(from)}至${arabicDate(to)}` : arabicDate(from);
}

export function treatmentOf(c: Case): ReportModel['treatment'] {
  return c.basicInfo.treatment.map((t) => {
    const institution = institutionName(c, t.institution)!;
    const p = period(t.from, t.to);
    return { institution, period: p, setting: nullable(t.setting), department: nullable(t.department), heading: `${institution}${t.setting ?? ''}诊疗经过（${p}）`, summary: t.summary };
  });
}

/** Judicial titles name the matter (司法鉴定文书规范); associations head the document with their name. */
export function titleOf(c: Case, patient: string): string {
  const kind = c.report.kind;
  return c.report.title ?? (kind === 'judicial' ? `关于${patient}医疗损害的司法鉴定意见书` : `${c.institution.name}${REPORT_KINDS[kind].short}`);
}

export function watermarkOf(isDraft: boolean, sample: boolean): string | null {
  if (sample) return '样本';
  return isDraft ? '征求意见稿' : null;
}
