/** Cross-references inside the case file: ids must point at something that exists. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { describePath } from '../schema/labels.js';
import { error, warning, type Rule } from './rule.js';

/** An id that may be referred to, with a few words of what it names so that the user recognises it. */
interface Target { id: string; words: string }

/** How many characters of a target's text identify it in a list of codes. */
const GIST = 12;
/** Codes listed in full up to this many; a longer list is cut, the user has the file open anyway. */
const MAX_LISTED = 8;

const gist = (text: string) => (text.length > GIST ? `${text.slice(0, GIST)}…` : text);

/** 「F1（第二产程的监护与处理）、F2（…）」 */
function listed(targets: Target[]): string {
  const shown = targets.slice(0, MAX_LISTED).map((t) => (t.words ? `${t.id}（${gist(t.words)}）` : t.id));
  return shown.join('、') + (targets.length > MAX_LISTED ? ` 等 ${targets.length} 个` : '');
}

/** Only the same code written differently (f1, Ｆ１) is suggested: F2 beside F1 is more likely a fault not yet written than a typo. */
const folded = (s: string) => s.normalize('NFKC').trim().toLowerCase();

function unknownRef(code: string, path: string, what: string, id: string, targets: Target[]): Diagnostic {
  const guess = targets.find((t) => folded(t.id) === folded(id));
  const ask = guess ? `，是否为「${guess.id}」？` : '。';
  return error(code, path,
    `${describePath(path)}引用了不存在的${what}代号「${id}」${ask}可用的${what}代号：${listed(targets)}`,
    `Reference to unknown ${code.replace('REF_UNKNOWN_', '').toLowerCase()} id "${id}"; known: ${targets.map((t) => t.id).join(', ')}`);
}

function duplicateIds(ids: string[], path: string, what: string): Diagnostic[] {
  return ids
    .map((id, i) => ({ id, i }))
    .filter(({ id, i }) => ids.indexOf(id) !== i)
    .map(({ id, i }) => error('REF_DUPLICATE_ID', `${path}[${i}].id`, `${describePath(`${path}[${i}].id`)}：${what}代号「${id}」重复，第 ${ids.indexOf(id) + 1} 项已经用了`, `Duplicate ${what} id "${id}"`));
}

export const referenceRules: Rule = (c) => {
  const institutionTargets = c.basicInfo.medicalInstitutions.map((m) => ({ id: m.id, words: m.name }));
  const faultTargets = c.faultAnalysis.items.map((f) => ({ id: f.id, words: f.finding ?? f.conduct }));
  const consequenceTargets = c.damage.consequences.map((x) => ({ id: x.id, words: x.description }));
  const [institutions, faults, consequences] = [institutionTargets, faultTargets, consequenceTargets].map((ts) => ts.map((t) => t.id)) as [string[], string[], string[]];
  const out: Diagnostic[] = [
    ...duplicateIds(institutions, 'basicInfo.medicalInstitutions', '医疗机构'),
    ...duplicateIds(faults, 'faultAnalysis.items', '过错'),
    ...duplicateIds(consequences, 'damage.consequences', '损害后果'),
  ];
  c.basicInfo.treatment.forEach((t, i) => {
    if (!institutions.includes(t.institution)) out.push(unknownRef('REF_UNKNOWN_INSTITUTION', `basicInfo.treatment[${i}].institution`, '医疗机构', t.institution, institutionTargets));
  });
  c.faultAnalysis.items.forEach((f, i) => {
    if (f.institution !== undefined && !institutions.includes(f.institution)) {
      out.push(unknownRef('REF_UNKNOWN_INSTITUTION', `faultAnalysis.items[${i}].institution`, '医疗机构', f.institution, institutionTargets));
    }
  });
  c.causationAnalysis.items.forEach((item, i) => {
    if (!consequences.includes(item.consequence)) out.push(unknownRef('REF_UNKNOWN_CONSEQUENCE', `causationAnalysis.items[${i}].consequence`, '损害后果', item.consequence, consequenceTargets));
    item.faults.forEach((f, k) => {
      if (!faults.includes(f)) out.push(unknownRef('REF_UNKNOWN_FAULT', `causationAnalysis.items[${i}].faults[${k}]`, '过错', f, faultTargets));
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
