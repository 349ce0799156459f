/** Jiangsu measures Art. 24 para 3: death without autopsy needs the clinical-judgement wording. */
import { CLINICAL_JUDGEMENT_WORDS, hasClinicalJudgementWording, needsAutopsyCaveat } from '../domain/autopsy.js';
import { SOURCES } from '../domain/sources.js';
import { error, type Rule } from './rule.js';

const WORDS = CLINICAL_JUDGEMENT_WORDS.map((w) => `「${w}」`).join('、');

export const autopsyRules: Rule = (c) => {
  if (!needsAutopsyCaveat(c.damage.death)) return [];
  const conclusions = c.opinion.conclusions;
  if (conclusions === undefined || hasClinicalJudgementWording(conclusions.join(''))) return [];
  return [error('AUTOPSY_CAVEAT_MISSING', 'opinion.conclusions',
    `依据${SOURCES.measures}第二十四条第三款，患者死亡未作尸体解剖的，鉴定意见应载明${WORDS}等内容；自行填写的鉴定意见中缺少这些字样`,
    'Jiangsu measures Art. 24 para 3: after death without autopsy the opinion must say 临床判定/临床考虑/依据临床资料; the overriding conclusions do not')];
};
