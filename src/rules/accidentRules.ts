/** Medical accident appraisals: grade and disability agree per 医疗事故分级标准（试行） (2002). */
import { CAUSATION_TYPES, hasCausalLink, RESPONSIBILITY_DEGREES, type ResponsibilityDegree } from '../domain/causation.js';
import { accidentGrade, accidentGradeForDisability, disabilityGradeName } from '../domain/grades.js';
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import { error, warning, type Rule } from './rule.js';

const STD = SOURCES.accidentGrading;

function gradeAgreement(c: Case, code: NonNullable<NonNullable<Case['damage']['accident']>['grade']>): Diagnostic[] {
  const grade = accidentGrade(code);
  const path = 'damage.accident.grade';
  const dead = c.damage.death !== undefined;
  if (code === '1A' && !dead) return [error('ACCIDENT_DEATH_GRADE', path, `依据${STD}，一级甲等医疗事故指患者死亡；本案未记载患者死亡（damage.death）`, 'Grade 一级甲等 means death, but the case records no death')];
  if (dead && code !== '1A') return [error('ACCIDENT_DEATH_GRADE', path, `依据${STD}，造成患者死亡的为一级甲等医疗事故，本案记为${grade.name}`, `Death is grade 一级甲等, not ${grade.name}`)];
  const graded = c.damage.consequences.map((x) => x.disabilityGrade).filter((g): g is number => g !== undefined);
  if (graded.length === 0) return [];
  if (code === '4') {
    return [error('ACCIDENT_GRADE_DISABILITY_MISMATCH', path, `依据${STD}，四级医疗事故指造成患者明显人身损害的其他后果，不对应伤残等级；本案评定了${disabilityGradeName(Math.min(...graded))}`, 'Grade 四级 has no disability grade, but the case grades a disability')];
  }
  const worst = Math.min(...graded);
  if (worst === grade.disabilityGrade) return [];
  const expected = accidentGradeForDisability(worst)!;
  return [error('ACCIDENT_GRADE_DISABILITY_MISMATCH', path,
    `依据${STD}，一级乙等至三级戊等对应伤残等级一至十级：${disabilityGradeName(worst)}对应${expected.name}，与所定${grade.name}不符`,
    `Accident grade ${grade.name} does not match disability grade ${worst} (expected ${expected.name})`)];
}

/** 医疗事故处理条例 Art. 2: an accident is harm caused by a negligent act — a fault with a causal link. */
function needsFaultAndLink(c: Case): Diagnostic[] {
  const fault = c.faultAnalysis.items.some((f) => f.isFault);
  const link = c.causationAnalysis.items.some((i) => hasCausalLink(i.causation));
  if (fault && link) return [];
  return [error('ACCIDENT_WITHOUT_FAULT', 'damage.accident.isAccident', `依据${SOURCES.accidentRegulation}第二条，医疗事故须有医疗过失行为并与损害后果存在因果关系；本案${fault ? '未认定因果关系' : '未认定医疗过失'}，不能认定为医疗事故`, 'An accident needs a fault causally linked to the harm (医疗事故处理条例 Art. 2)')];
}

/** The responsibility degree should be the one the strongest causal link gives. */
function responsibilityFits(c: Case, responsibility: ResponsibilityDegree): Diagnostic[] {
  const ranked = ['complete', 'major', 'equal', 'minor', 'slight'] as const;
  const strongest = ranked.find((r) => c.causationAnalysis.items.some((i) => i.causation === r));
  if (!strongest || strongest === 'equal' || strongest === responsibility) return [];
  return [warning('ACCIDENT_RESPONSIBILITY_CAUSATION', 'damage.accident.responsibility', `责任程度「${RESPONSIBILITY_DEGREES[responsibility]}」与因果关系分析中的「${CAUSATION_TYPES[strongest].sftTerm}」不对应（对应${RESPONSIBILITY_DEGREES[strongest]}），请核对`, `Responsibility ${responsibility} does not match the strongest causal link (${strongest})`)];
}

export const accidentRules: Rule = (c) => {
  const acc = c.damage.accident;
  if (c.report.kind !== 'accident') {
    return acc ? [error('ACCIDENT_WRONG_KIND', 'damage.accident', '只有医疗事故技术鉴定书才评定医疗事故等级与责任程度', 'Only accident appraisals state an accident grade')] : [];
  }
  if (!acc) return [error('ACCIDENT_SECTION_MISSING', 'damage', `医疗事故技术鉴定应写明是否属于医疗事故（damage.accident），依据${SOURCES.accidentRegulation}第三十一条`, 'An accident appraisal must say whether it is a medical accident (damage.accident)')];
  if (!acc.isAccident) {
    // 暂行办法 Art. 35: a case found not to be an accident says why.
    return acc.reason?.length ? [] : [warning('ACCIDENT_REASON_MISSING', 'damage.accident.reason', `不属于医疗事故的，鉴定书应说明理由（《医疗事故技术鉴定暂行办法》第三十五条），请填写 damage.accident.reason`, 'Not an accident: the reasons must be given (damage.accident.reason)')];
  }
  const out: Diagnostic[] = [];
  if (!acc.grade) out.push(error('ACCIDENT_GRADE_MISSING', 'damage.accident.grade', `属于医疗事故的，应写明医疗事故等级（${STD}）`, 'A medical accident needs its grade'));
  else out.push(...gradeAgreement(c, acc.grade));
  if (!acc.responsibility) out.push(error('ACCIDENT_RESPONSIBILITY_MISSING', 'damage.accident.responsibility', `属于医疗事故的，应写明医方的责任程度（${SOURCES.accidentRegulation}第三十一条）`, 'A medical accident needs the responsibility degree'));
  else out.push(...responsibilityFits(c, acc.responsibility));
  return [...needsFaultAndLink(c), ...out];
};
