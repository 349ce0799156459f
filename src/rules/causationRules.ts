/** Causal share and participation: Jiangsu measures Art. 25, SF/T 0095—2021 §8 and Annex A. */
import { CAUSATION_TYPES, formatRange, hasCausalLink } from '../domain/causation.js';
import { isSuggested, parseParticipation, participationEnds } from '../domain/participation.js';
import { NOT_ASSESSED } from '../domain/grades.js';
import { SOURCES } from '../domain/sources.js';
import type { Case, CausationItem } from '../schema/case.js';
import { error, type Rule } from './rule.js';

const itemPath = (i: number) => `causationAnalysis.items[${i}]`;

/** Also checks each institution's share (shares[]), which carries its own type and participation. */
export function participationRule(item: Pick<CausationItem, 'causation' | 'participation'>, base: string) {
  const path = `${base}.participation`;
  if (item.participation === undefined) return [];
  if (item.causation === 'undetermined') {
    return [error('CAUSATION_UNDETERMINED_PARTICIPATION', path,
      `因果关系为「难以明确」时不应给出参与度（${SOURCES.sft0095} §8.3：先判定是否存在因果关系，存在时才给出参与度）`,
      'No participation degree may be given when causation is undetermined (SF/T 0095—2021 §8.3)')];
  }
  if (isSuggested(item.participation)) return [];
  const p = parseParticipation(item.participation);
  if (!p) {
    return [error('CAUSATION_PARTICIPATION_FORMAT', path,
      `参与度「${String(item.participation)}」无法识别：应写作 30、"30%"、"10%～20%"、"不超过40%" 或 suggested（建议值）`,
      `Participation "${String(item.participation)}" is not understood: write 30, "30%", "10%~20%" or "不超过40%"`)];
  }
  if (p.kind === 'range' && p.min > p.max) {
    return [error('CAUSATION_PARTICIPATION_FORMAT', path, `参与度范围下限 ${p.min}% 大于上限 ${p.max}%`, `Participation range ${p.min}%–${p.max}% is reversed`)];
  }
  const type = CAUSATION_TYPES[item.causation];
  const outside = participationEnds(p).filter((v) => v < type.min || v > type.max);
  if (outside.length === 0) return [];
  const code = item.causation === 'none' ? 'CAUSATION_PARTICIPATION_NONE_RANGE' : 'CAUSATION_PARTICIPATION_RANGE';
  return [error(code, path,
    `依据${SOURCES.sft0095}附录A，${type.sftTerm}（${type.art25Term}）的参与度应在 ${formatRange(type)} 之间，${outside.map((v) => `${v}%`).join('、')} 超出该范围`,
    `Under SF/T 0095—2021 Annex A, participation for ${type.code} must lie within ${formatRange(type)}; ${outside.join(', ')}% is outside`)];
}

function consequenceOf(c: Case, item: CausationItem) {
  return c.damage.consequences.find((x) => x.id === item.consequence);
}

/** SF/T 0095 §8.1 (injury degree) and §8.2 (disability). */
function gradingRules(c: Case, item: CausationItem, i: number) {
  const consequence = consequenceOf(c, item);
  if (!consequence) return [];
  const out = [];
  if (consequence.disabilityGrade !== undefined && !hasCausalLink(item.causation)) {
    out.push(error('SFT_DISABILITY_WITHOUT_CAUSATION', `${itemPath(i)}.causation`,
      `依据${SOURCES.sft0095} §8.2，医疗过错与损害后果「${consequence.description}」无因果关系（或难以明确）时，只说明因果关系，不评定伤残等级`,
      'SF/T 0095—2021 §8.2: without a causal link no disability grade is assessed'));
  }
  if (consequence.injuryDegree !== undefined) {
    const assessable = ['complete', 'major', 'equal'].includes(item.causation);
    if (!assessable && consequence.injuryDegree !== NOT_ASSESSED) {
      out.push(error('SFT_INJURY_DEGREE_LINK', `${itemPath(i)}.causation`,
        `依据${SOURCES.sft0095} §8.1，次要、轻微作用或无因果关系时只说明因果关系，不评定损伤程度（后果「${consequence.description}」）；委托了损伤程度的，写 injuryDegree: notAssessed（不宜评定）`,
        'SF/T 0095—2021 §8.1: for minor, slight or no causal link no injury degree is assessed (write injuryDegree: notAssessed)'));
    }
    if (assessable && consequence.injuryDegree === NOT_ASSESSED) {
      out.push(error('SFT_INJURY_DEGREE_NOT_ASSESSED', `${itemPath(i)}.causation`,
        `依据${SOURCES.sft0095} §8.1 a、b，完全、主要或同等作用时应依据损伤评定损伤程度，不能写「不宜评定」（后果「${consequence.description}」）`,
        'SF/T 0095—2021 §8.1 a, b: with a complete, major or equal link the injury degree is assessed'));
    }
    if (item.participation !== undefined) {
      out.push(error('SFT_INJURY_DEGREE_PARTICIPATION', `${itemPath(i)}.participation`,
        `依据${SOURCES.sft0095} §8.1，损伤程度鉴定不给出参与度（后果「${consequence.description}」）`,
        'SF/T 0095—2021 §8.1: injury-degree assessments state no participation degree'));
    }
  }
  return out;
}

/** §8.3: a causal link presupposes a fault. */
function linkNeedsFault(c: Case, item: CausationItem, i: number) {
  if (!hasCausalLink(item.causation)) return [];
  const faults = c.faultAnalysis.items.filter((f) => f.isFault);
  const cited = item.faults.length === 0 ? faults : faults.filter((f) => item.faults.includes(f.id));
  if (cited.length > 0) return [];
  return [error('CAUSATION_WITHOUT_FAULT', `${itemPath(i)}.causation`,
    `未认定医疗过错（或所引过错均不成立），却认定存在因果关系：依据${SOURCES.measures}第二条、第二十五条，原因力针对的是医疗过错行为`,
    'A causal share is stated but no medical fault is established (Jiangsu measures Art. 2, 25)')];
}

export const causationRules: Rule = (c) =>
  c.causationAnalysis.items.flatMap((item, i) => [...participationRule(item, itemPath(i)), ...gradingRules(c, item, i), ...linkNeedsFault(c, item, i)]);
