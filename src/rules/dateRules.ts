/** Time limits: Jiangsu measures Art. 14 (acceptance), 19 (hearing notice), 26 (completion), and date order. */
import { calendarDaysBetween, isCovered, workingDaysBetween } from '../domain/calendar.js';
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import { excludedDays } from '../schema/supplements.js';
import { fieldLabel, parsePath } from '../schema/labels.js';
import { error, warning, type Rule } from './rule.js';

const M = SOURCES.measures;
const ACCEPTANCE_DAYS = 7;
const NOTICE_DAYS = 7;
const COMPLETION_DAYS = 30;
const MAX_EXTENSION_DAYS = 30;

interface Dated { path: string; date: string }

/** Pairs that must not run backwards: each `before` is on or before its `after`. */
function orderedPairs(c: Case): [Dated, Dated][] {
  const com = c.basicInfo.commission;
  const received: Dated = { path: 'basicInfo.commission.receivedDate', date: com.receivedDate };
  const accepted: Dated = { path: 'basicInfo.commission.acceptedDate', date: com.acceptedDate };
  const hearing: Dated = { path: 'process.hearing.date', date: c.process.hearing.date };
  const notice: Dated = { path: 'process.hearing.noticeDate', date: c.process.hearing.noticeDate };
  const report: Dated = { path: 'report.date', date: c.report.date };
  const pairs: [Dated, Dated][] = [[received, accepted], [accepted, notice], [notice, hearing], [hearing, report]];
  c.basicInfo.treatment.forEach((t, i) => {
    const from = { path: `basicInfo.treatment[${i}].from`, date: t.from };
    pairs.push([from, received]);
    if (t.to) pairs.push([from, { path: `basicInfo.treatment[${i}].to`, date: t.to }]);
  });
  if (c.damage.death) pairs.push([{ path: 'damage.death.date', date: c.damage.death.date }, received]);
  if (c.process.examination) pairs.push([accepted, { path: 'process.examination.date', date: c.process.examination.date }]);
  if (com.originalOpinion) pairs.push([{ path: 'basicInfo.commission.originalOpinion.date', date: com.originalOpinion.date }, received]);
  return pairs;
}

/** The date's name as the schema gives it (「受理日期」, 「第 1 项诊疗经过的开始日期」). */
const label = (d: Dated) => fieldLabel(parsePath(d.path)) ?? d.path;

const backwards = (c: Case) => orderedPairs(c).filter(([a, b]) => a.date > b.date);

function order(c: Case): Diagnostic[] {
  return backwards(c)
    .map(([a, b]) => error('DATE_ORDER', b.path, `${label(b)}（${b.date}）早于${label(a)}（${a.date}），日期先后矛盾`, `${b.path} (${b.date}) is before ${a.path} (${a.date})`));
}

function acceptance(c: Case): Diagnostic[] {
  const { receivedDate, acceptedDate } = c.basicInfo.commission;
  const days = workingDaysBetween(receivedDate, acceptedDate);
  if (days <= ACCEPTANCE_DAYS) return [];
  return [warning('DATE_ACCEPTANCE_LATE', 'basicInfo.commission.acceptedDate',
    `依据${M}第十四条，应在收到委托后7个工作日内审查并作出受理通知，本案为${days}个工作日；如曾书面通知补充材料，请在鉴定过程中说明`,
    `Jiangsu measures Art. 14: acceptance within 7 working days of receipt (here ${days})`)];
}

function notice(c: Case): Diagnostic[] {
  const days = calendarDaysBetween(c.process.hearing.noticeDate, c.process.hearing.date);
  if (days >= NOTICE_DAYS) return [];
  return [error('DATE_HEARING_NOTICE', 'process.hearing.noticeDate',
    `依据${M}第十九条，应在听证会召开7日前书面通知，本案仅提前${days}日`,
    `Jiangsu measures Art. 19: notice at least 7 days before the hearing (here ${days})`)];
}

function completion(c: Case): Diagnostic[] {
  const ext = c.process.extension;
  const out: Diagnostic[] = [];
  if (ext && ext.workingDays > MAX_EXTENSION_DAYS) {
    out.push(warning('EXTENSION_TOO_LONG', 'process.extension.workingDays', `依据${M}第二十六条，延长时间一般不得超过30个工作日，本案延长${ext.workingDays}个工作日`, `Jiangsu measures Art. 26: extensions should not exceed 30 working days (here ${ext.workingDays})`));
  }
  const late = overrun(c);
  if (!late) return out;
  // In practice a late opinion is still issued, with the delay explained (process.delayReason).
  out.push(warning('DATE_REPORT_DEADLINE', 'report.date', `${late.zh}；逾期出具的，文书在鉴定过程中说明原因`, late.en));
  if (!c.process.delayReason?.length) {
    out.push(error('DATE_REPORT_DELAY_UNEXPLAINED', 'process.delayReason', `${late.zh}；请在 process.delayReason（逾期说明）中写明逾期的原因，文书将在鉴定过程中说明`, `${late.en}; record why in process.delayReason`));
  }
  return out;
}

/** Art. 26: the report is late — against the agreed deadline if any, else 30 working days plus the extension. */
function overrun(c: Case): { zh: string; en: string } | null {
  const agreed = c.process.agreedDeadline;
  if (agreed) {
    if (c.report.date <= agreed) return null;
    return { zh: `依据${M}第二十六条，与委托人另有约定的从其约定：约定于${agreed}前完成，出具日期为${c.report.date}`, en: `Jiangsu measures Art. 26: the agreed deadline ${agreed} has passed (report ${c.report.date})` };
  }
  const ext = c.process.extension;
  const used = workingDaysBetween(c.basicInfo.commission.acceptedDate, c.report.date) - excludedDays(c);
  const allowed = COMPLETION_DAYS + (ext?.workingDays ?? 0);
  if (used <= allowed) return null;
  const how = ext ? `（含延长的${ext.workingDays}个工作日）` : '，且未记载书面告知的延长';
  return {
    zh: `依据${M}第二十六条，应在受理之日起30个工作日内完成鉴定${how}；本案用时${used}个工作日，超过${allowed}个工作日`,
    en: `Jiangsu measures Art. 26: the report is due within ${allowed} working days of acceptance (took ${used})`,
  };
}

function calendarCoverage(c: Case): Diagnostic[] {
  const dates = [c.basicInfo.commission.receivedDate, c.basicInfo.commission.acceptedDate, c.report.date];
  const uncovered = dates.filter((d) => !isCovered(d));
  if (uncovered.length === 0) return [];
  return [warning('CALENDAR_UNCOVERED', 'report.date', `节假日数据未覆盖 ${uncovered.join('、')} 所在年份，工作日按周一至周五计算，请人工核对调休安排`, `Holiday data does not cover ${uncovered.join(', ')}; working days counted Monday to Friday`)];
}

/**
 * Each time limit is checked unless one of its own dates is in a pair that runs backwards (that date
 * is suspect): a treatment date after the receipt hides neither the Art. 19 nor the Art. 26 check.
 */
export const dateRules: Rule = (c) => {
  const suspect = new Set(backwards(c).flatMap(([a, b]) => [a.path, b.path]));
  const sound = (...paths: string[]) => paths.every((p) => !suspect.has(p));
  const com = 'basicInfo.commission';
  return [
    ...order(c),
    ...(sound(`${com}.receivedDate`, `${com}.acceptedDate`) ? acceptance(c) : []),
    ...(sound('process.hearing.noticeDate', 'process.hearing.date') ? notice(c) : []),
    ...(sound(`${com}.acceptedDate`, 'report.date') ? completion(c) : []),
    ...calendarCoverage(c),
  ];
};
