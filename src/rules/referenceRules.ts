/** Cross-references inside the case file: ids must point at something that exists. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { error, warning, type Rule } from './rule.js';

function unknownRef(code: string, path: string, what: string, id: string): Diagnostic {
  return error(code, path, `引用了不存在的${what}代号「${id}」`, `Reference to unknown ${code.replace('REF_UNKNOWN_', '').toLowerCase()} id "${id}"`);
}

function duplicateIds(ids: string[], path: string, what: string): Diagnostic[] {
  return ids
    .map((id, i) => ({ id, i }))
    .filter(({ id, i }) => ids.indexOf(id) !== i)
    .map(({ id, i }) => error('REF_DUPLICATE_ID', `${path}[${i}].id`, `${what}代号「${id}」重复`, `Duplicate ${what} id "${id}"`));
}

export const referenceRules: Rule = (c) => {
  const institutions = c.basicInfo.medicalInstitutions.map((m) => m.id);
  const faults = c.faultAnalysis.items.map((f) => f.id);
  const consequences = c.damage.consequences.map((x) => x.id);
  const out: Diagnostic[] = [
    ...duplicateIds(institutions, 'basicInfo.medicalInstitutions', '医疗机构'),
    ...duplicateIds(faults, 'faultAnalysis.items', '过错'),
    ...duplicateIds(consequences, 'damage.consequences', '损害后果'),
  ];
  c.basicInfo.treatment.forEach((t, i) => {
    if (!institutions.includes(t.institution)) out.push(unknownRef('REF_UNKNOWN_INSTITUTION', `basicInfo.treatment[${i}].institution`, '医疗机构', t.institution));
  });
  c.faultAnalysis.items.forEach((f, i) => {
    if (f.institution !== undefined && !institutions.includes(f.institution)) {
      out.push(unknownRef('REF_UNKNOWN_INSTITUTION', `faultAnalysis.items[${i}].institution`, '医疗机构', f.institution));
    }
  });
  c.causationAnalysis.items.forEach((item, i) => {
    if (!consequences.includes(item.consequence)) out.push(unknownRef('REF_UNKNOWN_CONSEQUENCE', `causationAnalysis.items[${i}].consequence`, '损害后果', item.consequence));
    item.faults.forEach((f, k) => {
      if (!faults.includes(f)) out.push(unknownRef('REF_UNKNOWN_FAULT', `causationAnalysis.items[${i}].faults[${k}]`, '过错', f));
    });
  });
  const analysed = new Set(c.causationAnalysis.items.map((x) => x.consequence));
  c.damage.consequences.forEach((x, i) => {
    if (analysed.has(x.id)) return;
    if (x.disabilityGrade !== undefined || x.injuryDegree !== undefined) {
      out.push(error('GRADE_WITHOUT_CAUSATION', `damage.consequences[${i}]`,
        `损害后果「${x.description}」评定了等级，却没有因果关系分析：依据SF/T 0095—2021 §8，先判定因果关系，存在因果关系的才评定等级`,
        `Consequence "${x.id}" is graded without a causation analysis (SF/T 0095—2021 §8)`));
    } else {
      out.push(warning('CONSEQUENCE_NOT_ANALYSED', `damage.consequences[${i}]`,
        `损害后果「${x.description}」未在因果关系分析中出现（《江苏省医疗损害鉴定管理办法》第二十四条第一款第（五）项）`,
        `Consequence "${x.id}" has no causation analysis (Jiangsu measures Art. 24(5))`));
    }
  });
  return out;
};
