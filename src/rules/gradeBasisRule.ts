/** A grade names its basis: the standard and clause (《人体损伤致残程度分级》5.8.x, 《人体损伤程度鉴定标准》5.x). */
import { NOT_ASSESSED } from '../domain/grades.js';
import { warning, type Rule } from './rule.js';

export const gradeBasisRule: Rule = (c) => c.damage.consequences.flatMap((x, i) => {
  const graded = x.disabilityGrade !== undefined || (x.injuryDegree !== undefined && x.injuryDegree !== NOT_ASSESSED);
  if (!graded || x.basis?.length) return [];
  const what = x.disabilityGrade !== undefined ? '伤残等级' : '损伤程度';
  return [warning('GRADE_BASIS_MISSING', `damage.consequences[${i}].basis`,
    `损害后果「${x.description}」评定了${what}，但未写评定依据（basis）：应写明所依据的标准及条款，例如「依据《人体损伤致残程度分级》5.8.6.4」`,
    `Consequence "${x.description}" is graded without its basis (standard and clause)`)];
});
