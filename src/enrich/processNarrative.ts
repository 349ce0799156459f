/** Article 24 (三): an account of the appraisal procedure composed from the recorded facts, and no others. */
import { arabicDate } from '../domain/chineseDate.js';
import { SOURCES } from '../domain/sources.js';
import type { Case } from '../schema/case.js';
import { excludedDays } from '../schema/supplements.js';
import type { ModelExpert, ReportModel } from './model.js';
import { patientSideWithRoles } from './representatives.js';
import { clause, sentences } from './sentence.js';

const people = (list: { name: string; role?: string | undefined }[]) =>
  list.map((p) => (p.role ? `${p.name}（${p.role}）` : p.name)).join('、');

/** Art. 21(3): statements in the order patient side, medical side — of whoever came. */
function hearingSentence(patient: boolean, medical: boolean, absent: string): string {
  if (patient && medical) return '听证会按照先患方、后医方的顺序听取了双方陈述，专家就争议问题向双方进行了询问。';
  if (patient || medical) return `听证会听取了到会的${patient ? '患方' : '医方'}的陈述，专家就争议问题进行了询问。`;
  return `医患双方经通知均未到会，${absent}不影响听证会的进行，专家依据鉴定材料进行了讨论。`;
}

/** Who came for each side; one side's absence is noted once (both absent: said by hearingSentence). */
function attendance(h: Case['process']['hearing'], absent: string): string[] {
  if (!h.patientSide.length && !h.medicalSide.length) return [];
  return [
    h.patientSide.length ? `患方到会人员：${people(h.patientSide)}。` : `患方经通知未到会，${absent}不影响听证会的进行。`,
    h.medicalSide.length ? `医方到会人员：${people(h.medicalSide)}。` : `医方经通知未到会，${absent}不影响听证会的进行。`,
  ];
}

/** How the panel was formed is printed only when the case records it. */
function panelSentence(c: Case, experts: ModelExpert[], self: string): string {
  const list = experts.map((e) => `${e.name}（${e.specialty}）`).join('、');
  const who = `${c.panel.mainSpecialty}等相关学科专家${experts.length}名`;
  switch (c.panel.formation) {
    case 'random': return `经医患双方在${self}主持下从专家库中随机抽取${who}组成专家组，参加听证会：${list}。`;
    case 'invited': return `${self}邀请${who}参加听证会：${list}。`;
    default: return `参加听证会的${who}：${list}。`;
  }
}

function receipt(c: Case, self: string): string {
  const com = c.basicInfo.commission;
  const what = com.setting === 'referral' ? `移交的医疗事故争议及鉴定材料（${SOURCES.accidentRegulation}第二十条）` : '的委托及鉴定材料';
  return `${arabicDate(com.receivedDate)}，${self}收到${com.client}${what}，经审查于${arabicDate(com.acceptedDate)}受理。`;
}

/** Art. 26: extension, time not counted, an agreed deadline, and why the report is late — each as recorded. */
function timeLimits(c: Case, self: string): string[] {
  const p = c.process;
  const out: string[] = [];
  if (p.extension) out.push(`因${clause(p.extension.reason)}，${self}于${arabicDate(p.extension.notifiedDate)}书面告知委托人延长鉴定时限${p.extension.workingDays}个工作日。`);
  // Each dated request as it happened, then the days the clock leaves out.
  for (const r of p.supplementRequests) out.push(`${self}于${arabicDate(r.requestedDate)}书面通知委托人补充${clause(r.materials)}，于${arabicDate(r.receivedDate)}收到。`);
  const excluded = excludedDays(c);
  if (excluded > 0) out.push(`补充鉴定材料所用${excluded}个工作日不计入鉴定时限（${SOURCES.measures}第二十六条第二款）。`);
  if (p.agreedDeadline) out.push(`经与委托人约定，鉴定于${arabicDate(p.agreedDeadline)}前完成。`);
  if (p.delayReason?.length) {
    out.push(`本鉴定未能在${SOURCES.measures}第二十六条规定的时限内完成，于${arabicDate(c.report.date)}出具。逾期的原因如下：`, ...sentences(p.delayReason));
  }
  return out;
}

/** Which confirmation the materials carry follows the commission (Art. 13, 15(4)). */
export function materialsNote(c: Case): string {
  return c.basicInfo.commission.setting === 'litigation' ? '均经人民法院组织质证' : '均经医患双方确认';
}

export function processNarrative(c: Case, experts: ModelExpert[], self: string): ReportModel['process'] {
  // Art. 20 counts whoever attends for the patient; a recorded guardian or agent is named as one.
  const h = { ...c.process.hearing, patientSide: patientSideWithRoles(c) };
  // Jiangsu measures Art. 20 (absence does not stop the hearing); the accident route has no such article to cite.
  const absent = c.report.kind === 'accident' ? '' : `依据${SOURCES.measures}第二十条`;
  const narrative = [
    receipt(c, self),
    `${self}于${arabicDate(h.noticeDate)}书面通知${c.basicInfo.commission.setting === 'referral' ? '' : '委托人、'}医患双方及专家，于${arabicDate(h.date)}在${clause(h.place)}召开鉴定听证会。`,
    panelSentence(c, experts, self),
    hearingSentence(h.patientSide.length > 0, h.medicalSide.length > 0, absent),
    ...attendance(h, absent),
  ];
  if (h.others.length) narrative.push(`列席人员：${people(h.others)}。`);
  const ex = c.process.examination;
  const ext = c.process.extension;
  return {
    materials: c.process.materials.map((m, i) => ({ index: i + 1, name: m.name, source: m.source ?? null, quantity: m.quantity ?? null })),
    materialsNote: materialsNote(c),
    hearing: { date: arabicDate(h.date), noticeDate: arabicDate(h.noticeDate), place: clause(h.place), patientSide: people(h.patientSide) || '未到会', medicalSide: people(h.medicalSide) || '未到会', others: h.others.length ? people(h.others) : null },
    examination: ex ? { date: arabicDate(ex.date), findings: ex.findings, present: ex.present.length ? ex.present.join('、') : null } : null,
    extension: ext ? { workingDays: ext.workingDays, notifiedDate: arabicDate(ext.notifiedDate), reason: ext.reason } : null,
    notes: c.process.notes ?? null,
    methods: c.process.methods ?? null,
    narrative,
    timeLimits: timeLimits(c, self),
  };
}
