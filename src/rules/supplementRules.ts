/**
 * 补充鉴定 (《司法鉴定程序通则》 Art. 30): it is part of the report it supplements, which it names;
 * the time for supplementing materials is recorded as dated requests (Jiangsu measures Art. 26 para 2).
 */
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import { error, warning, type Rule } from './rule.js';

const COM = 'basicInfo.commission.supplementedReport';

function supplementedReport(c: Case): Diagnostic[] {
  const s = c.basicInfo.commission.supplementedReport;
  const supplementary = c.report.appraisalType === 'supplementary';
  if (supplementary && !s) {
    return [error('SUPPLEMENTED_REPORT_MISSING', COM, `补充鉴定是原鉴定的组成部分（${SOURCES.judicialProcedure}第三十条）：请写明被补充的鉴定意见书的编号、日期及补充的内容`, 'A supplementary appraisal names the report it supplements (number, date, what is supplemented)')];
  }
  if (!supplementary && s) {
    return [warning('SUPPLEMENTED_REPORT_UNEXPECTED', COM, '记载了被补充的鉴定意见，但鉴定类型不是补充鉴定（appraisalType: supplementary），请核对', 'A supplemented report is recorded but the appraisal type is not supplementary')];
  }
  if (s && s.date > c.basicInfo.commission.receivedDate) {
    return [error('SUPPLEMENTED_REPORT_DATE', `${COM}.date`, `被补充的鉴定意见日期（${s.date}）晚于收到补充鉴定委托的日期（${c.basicInfo.commission.receivedDate}），请核对`, 'The supplemented report is dated after the supplementary commission was received')];
  }
  return [];
}

function requests(c: Case): Diagnostic[] {
  const { acceptedDate } = c.basicInfo.commission;
  const out: Diagnostic[] = c.process.supplementRequests.flatMap((r, i) => {
    const path = `process.supplementRequests[${i}]`;
    if (r.receivedDate < r.requestedDate) return [error('SUPPLEMENT_REQUEST_ORDER', `${path}.receivedDate`, `收到补充材料的日期（${r.receivedDate}）早于通知补充的日期（${r.requestedDate}）`, 'Supplement received before it was requested')];
    if (r.requestedDate < acceptedDate || r.receivedDate > c.report.date) {
      return [error('SUPPLEMENT_REQUEST_ORDER', path, `补充材料的通知与收到应在受理（${acceptedDate}）之后、出具（${c.report.date}）之前`, 'Supplement requests fall between acceptance and the report')];
    }
    return [];
  });
  if (c.process.supplementRequests.length && c.process.excludedWorkingDays > 0) {
    out.push(error('SUPPLEMENT_DAYS_CONFLICT', 'process.excludedWorkingDays', `已按日期记载补充材料（supplementRequests），不计入时限的工作日由其计算（${SOURCES.measures}第二十六条第二款）；请删去 excludedWorkingDays`, 'Dated supplement requests determine the excluded days; remove excludedWorkingDays'));
  }
  return out;
}

export const supplementRules: Rule = (c) => [...supplementedReport(c), ...requests(c)];
