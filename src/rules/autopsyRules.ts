/**
 * Jiangsu measures Art. 24 para 3: after death without autopsy an opinion must state that the
 * cause of death is unknown and, where a clinical judgement is made, say so (临床判定 …).
 * The composed opinion does both; a case that overrides the opinion is checked here.
 */
import { CLINICAL_JUDGEMENT_WORDS, hasClinicalJudgementWording, needsAutopsyCaveat } from '../domain/autopsy.js';
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import { error, warning, type Rule } from './rule.js';

const WORDS = CLINICAL_JUDGEMENT_WORDS.map((w) => `「${w}」`).join('、');
const STATEMENT = /尸体解剖|尸检|死亡原因|死因/;

/** The autopsy report belongs to an autopsy, and follows the death; an autopsy names its report. */
function autopsyReport(c: Case): Diagnostic[] {
  const death = c.damage.death;
  if (!death) return [];
  const report = death.autopsyReport;
  if (report && !death.autopsy) {
    return [error('AUTOPSY_REPORT_WITHOUT_AUTOPSY', 'damage.death.autopsyReport', '记载了尸检报告，却写明未行尸体解剖（autopsy: false），请核对', 'An autopsy report is given but autopsy is false')];
  }
  if (report && report.date < death.date) {
    return [error('AUTOPSY_REPORT_DATE', 'damage.death.autopsyReport.date', `尸检报告日期（${report.date}）早于死亡日期（${death.date}），请核对`, 'The autopsy report is dated before the death')];
  }
  if (death.autopsy && !report) {
    return [warning('AUTOPSY_REPORT_MISSING', 'damage.death.autopsy', `经尸体解剖的，应写明尸检机构、尸检报告编号与日期及病理诊断（damage.death.autopsyReport），作为死亡原因的依据（${SOURCES.measures}第二十四条第一款第（六）项）`, 'An autopsy was done: give who performed it, the report number and date, and the findings (damage.death.autopsyReport)')];
  }
  return [];
}

export const autopsyRules: Rule = (c) => [...autopsyReport(c), ...overriddenConclusions(c)];

function overriddenConclusions(c: Case): Diagnostic[] {
  const conclusions = c.opinion.conclusions;
  if (!needsAutopsyCaveat(c.damage.death) || conclusions === undefined) return [];
  const text = conclusions.join('');
  const out: Diagnostic[] = [];
  if (!STATEMENT.test(text)) {
    out.push(error('AUTOPSY_STATEMENT_MISSING', 'opinion.conclusions', `依据${SOURCES.measures}第二十四条第三款，患者死亡未作尸体解剖、死亡原因不明的，应当在鉴定意见书中载明；自行填写的鉴定意见中没有说明`, 'Jiangsu measures Art. 24 para 3: the overriding conclusions must state that no autopsy was done and the cause of death is unknown'));
  }
  const judged = c.causationAnalysis.items.some((i) => i.causation !== 'undetermined');
  if (judged && !hasClinicalJudgementWording(text)) {
    out.push(error('AUTOPSY_CAVEAT_MISSING', 'opinion.conclusions', `依据${SOURCES.measures}第二十四条第三款，患者死亡未作尸体解剖而作出临床判定的，鉴定意见应载明${WORDS}等内容；自行填写的鉴定意见中缺少这些字样`, 'Jiangsu measures Art. 24 para 3: a clinical judgement after death without autopsy must say 临床判定/临床考虑/依据临床资料'));
  }
  return out;
}
