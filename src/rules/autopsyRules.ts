/**
 * Jiangsu measures Art. 24 para 3: after death without autopsy an opinion must state that the
 * cause of death is unknown and, where a clinical judgement is made, say so (临床判定 …).
 * The composed opinion does both; a case that overrides the opinion is checked here.
 */
import { CLINICAL_JUDGEMENT_WORDS, hasClinicalJudgementWording, needsAutopsyCaveat } from '../domain/autopsy.js';
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error, type Rule } from './rule.js';

const WORDS = CLINICAL_JUDGEMENT_WORDS.map((w) => `「${w}」`).join('、');
const STATEMENT = /尸体解剖|尸检|死亡原因|死因/;

export const autopsyRules: Rule = (c) => {
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
};
