/** Article 24 (一) and the document's frame in the report model: institution, dates, commission, treatment, title. */
import { arabicDate, chineseDate } from '../domain/chineseDate.js';
import { COMMISSION_SETTINGS, COMMISSIONING_PARTIES, REPORT_KINDS } from '../domain/reportKinds.js';
import type { Case } from '../schema/case.js';
import type { ReportModel } from './model.js';
import { titleLines } from './titleLines.js';
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
    isReferral: com.setting === 'referral', commitmentRequired: com.commitmentRequired,
    originalOpinion: original ? { ...original, date: arabicDate(original.date), conclusion: nullable(original.conclusion) } : null,
    supplemented: com.supplementedReport ? { ...com.supplementedReport, date: arabicDate(com.supplementedReport.date) } : null,
  };
}

function period(from: string, to: string | undefined): string {
  return to && to !== from ? `${arabicDate(from)}至${arabicDate(to)}` : arabicDate(from);
}

/** 「骨科住院」; a department written with its setting (「普外科门诊」) is not followed by it again. */
function where(department: string | undefined, setting: string | undefined): string {
  if (!department) return setting ?? '';
  return setting && !department.endsWith(setting) ? `${department}${setting}` : department;
}

export function treatmentOf(c: Case): ReportModel['treatment'] {
  return c.basicInfo.treatment.map((t) => {
    const institution = institutionName(c, t.institution)!;
    const p = period(t.from, t.to);
    // The department is part of where the patient was treated: 「某某医院骨科住院诊疗经过」.
    return { institution, period: p, setting: nullable(t.setting), department: nullable(t.department), heading: `${institution}${where(t.department, t.setting)}诊疗经过（${p}）`, summary: t.summary, doctors: t.doctors?.length ? t.doctors.join('、') : null };
  });
}

/** Judicial titles name the matter (司法鉴定文书规范); associations head the document with their name. */
export function titleOf(c: Case, patient: string): string {
  const kind = c.report.kind;
  return c.report.title ?? (kind === 'judicial' ? `关于${patient}医疗损害的司法鉴定意见书` : `${c.institution.name}${REPORT_KINDS[kind].short}`);
}

/** Characters a title line holds: 小2号 (18 pt) on the 156 mm line of the judicial style, 2号 (22 pt) otherwise. */
const TITLE_CHARS = { judicial: 24, other: 20 };

/**
 * 司法鉴定文书规范 Art. 7: the title is the institution's name and the document type, the commissioned
 * matter beneath; a medical association heads the document with its name and the document type.
 */
export function titleParts(c: Case, patient: string): { titleLines: string[]; matterLines: string[] } {
  if (c.report.kind !== 'judicial') {
    const whole = titleOf(c, patient);
    // Too long for one line: the institution's name, then the document type — never a word cut in two.
    const lines = c.report.title === undefined && [...whole].length > TITLE_CHARS.other
      ? [...titleLines(c.institution.name, TITLE_CHARS.other), REPORT_KINDS[c.report.kind].short]
      : titleLines(whole, TITLE_CHARS.other);
    return { titleLines: lines, matterLines: [] };
  }
  const matter = c.report.title ?? `关于${patient}医疗损害的鉴定`;
  return {
    titleLines: [...titleLines(c.institution.name, TITLE_CHARS.judicial), REPORT_KINDS.judicial.short],
    matterLines: titleLines(matter, TITLE_CHARS.judicial),
  };
}

export function watermarkOf(isDraft: boolean, sample: boolean): string | null {
  if (sample) return '样本';
  return isDraft ? '征求意见稿' : null;
}
