/** Article 24 (三): an account of the appraisal procedure composed from the recorded facts. */
import { arabicDate } from '../domain/chineseDate.js';
import type { Case } from '../schema/case.js';
import type { ModelExpert, ReportModel } from './model.js';

const people = (list: { name: string; role?: string | undefined }[]) =>
  list.map((p) => (p.role ? `${p.name}（${p.role}）` : p.name)).join('、');

/** Art. 21(3): statements in the order patient side, medical side — of whoever came. */
function hearingSentence(patient: boolean, medical: boolean): string {
  if (patient && medical) return '听证会按照先患方、后医方的顺序听取了双方陈述，专家就争议问题向双方进行了询问。';
  if (patient || medical) return `听证会听取了到会的${patient ? '患方' : '医方'}的陈述，专家就争议问题进行了询问。`;
  return '医患双方经通知均未到会，专家依据鉴定材料进行了讨论。';
}

export function processNarrative(c: Case, experts: ModelExpert[]): ReportModel['process'] {
  const com = c.basicInfo.commission;
  const h = c.process.hearing;
  const judicial = c.report.kind === 'judicial';
  const panelWord = judicial ? '邀请' : '从专家库中随机抽取';
  const narrative = [
    `${arabicDate(com.receivedDate)}，本机构收到${com.client}的委托及鉴定材料，经审查于${arabicDate(com.acceptedDate)}受理。`,
    `本机构于${arabicDate(h.noticeDate)}书面通知委托人、医患双方及专家，于${arabicDate(h.date)}在${h.place}召开鉴定听证会。`,
    `${panelWord}${c.panel.mainSpecialty}等相关学科专家${experts.length}名参加听证会：${experts.map((e) => `${e.name}（${e.specialty}）`).join('、')}。`,
    hearingSentence(h.patientSide.length > 0, h.medicalSide.length > 0),
  ];
  if (h.patientSide.length) narrative.push(`患方到会人员：${people(h.patientSide)}。`);
  else narrative.push('患方经通知未到会，依据第二十条不影响听证会的进行。');
  if (h.medicalSide.length) narrative.push(`医方到会人员：${people(h.medicalSide)}。`);
  else narrative.push('医方经通知未到会，依据第二十条不影响听证会的进行。');
  if (h.others.length) narrative.push(`列席人员：${people(h.others)}。`);
  const ext = c.process.extension;
  if (ext) narrative.push(`因${ext.reason}，本机构于${arabicDate(ext.notifiedDate)}书面告知委托人延长鉴定时限${ext.workingDays}个工作日。`);
  const ex = c.process.examination;
  return {
    materials: c.process.materials.map((m, i) => ({ index: i + 1, name: m.name, source: m.source ?? null, quantity: m.quantity ?? null })),
    hearing: { date: arabicDate(h.date), noticeDate: arabicDate(h.noticeDate), place: h.place, patientSide: people(h.patientSide) || '未到会', medicalSide: people(h.medicalSide) || '未到会', others: h.others.length ? people(h.others) : null },
    examination: ex ? { date: arabicDate(ex.date), findings: ex.findings, present: ex.present.length ? ex.present.join('、') : null } : null,
    extension: ext ? { workingDays: ext.workingDays, notifiedDate: arabicDate(ext.notifiedDate), reason: ext.reason } : null,
    notes: c.process.notes ?? null,
    narrative,
  };
}
