/**
 * Several institutions at fault (Jiangsu measures Art. 24(5), 25; SF/T 0095—2021 §8.3): a combined
 * causal finding states each institution's own share, and an accident each one's 责任程度
 * (医疗事故处理条例 Art. 31). Shares name only institutions whose faults the finding analyses.
 */
import { hasCausalLink, RESPONSIBILITY_DEGREES } from '../domain/causation.js';
import { parseParticipation, participationEnds, type Participation } from '../domain/participation.js';
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case, CausationItem } from '../schema/case.js';
import { faultedInstitutions } from '../schema/institutions.js';
import { participationRule } from './causationRules.js';
import { error, type Rule } from './rule.js';

const itemPath = (i: number) => `causationAnalysis.items[${i}]`;
const names = (c: Case, ids: string[]) => ids.map((id) => c.basicInfo.medicalInstitutions.find((m) => m.id === id)?.name ?? id).join('、');

function missingShares(c: Case, item: CausationItem, i: number, faulted: string[]): Diagnostic[] {
  if (faulted.length < 2 || !hasCausalLink(item.causation) || item.shares?.length || c.report.kind === 'accident') return [];
  return [error('CAUSATION_SHARES_MISSING', itemPath(i),
    `本项因果关系分析涉及${names(c, faulted)}共${faulted.length}家医疗机构的过错：依据${SOURCES.measures}第二十四条第一款第（五）项、第二十五条，应写明各医疗机构各自的原因力（shares），或按医疗机构分列因果关系条目`,
    `Item ${i} analyses faults of ${faulted.length} institutions (${faulted.join(', ')}) without each one's share (shares) — Jiangsu measures Art. 24(5), 25`)];
}

function foreignShares(c: Case, item: CausationItem, i: number, faulted: string[]): Diagnostic[] {
  return (item.shares ?? []).flatMap((s, k) => faulted.includes(s.institution) ? [] : [error('CAUSATION_SHARE_INSTITUTION', `${itemPath(i)}.shares[${k}].institution`,
    `原因力份额引用的医疗机构「${s.institution}」在本项分析的过错中没有被认定的过错；本项涉及的医疗机构：${names(c, faulted) || '无'}`,
    `Share ${k} names institution ${s.institution}, which has no established fault among the item's faults (${faulted.join(', ') || 'none'})`)]);
}

/** 「不超过40%」 reaches down to nothing. */
const lower = (p: Participation) => (p.kind === 'value' ? p.value : p.kind === 'range' ? p.min : 0);
const upper = (p: Participation) => Math.max(...participationEnds(p));

/** The shares together are the combined finding: their sum must be able to meet its participation. */
function sharesAddUp(item: CausationItem, i: number): Diagnostic[] {
  const combined = item.participation === undefined ? null : parseParticipation(item.participation);
  const parts = (item.shares ?? []).map((s) => (s.participation === undefined ? null : parseParticipation(s.participation)));
  if (!combined || parts.length === 0 || parts.some((p) => p === null)) return [];
  const [min, max] = [parts.reduce((n, p) => n + lower(p!), 0), parts.reduce((n, p) => n + upper(p!), 0)];
  if (min <= upper(combined) && max >= lower(combined)) return [];
  return [error('CAUSATION_SHARES_SUM', `${itemPath(i)}.shares`,
    `各医疗机构的参与度合计（${min === max ? `${min}%` : `${min}%～${max}%`}）与综合参与度「${String(item.participation)}」不符：各份额之和应落在综合参与度之内（${SOURCES.sft0095}附录A）`,
    `The shares add up to ${min}–${max}%, outside the combined participation ${String(item.participation)}`)];
}

function accidentResponsibilities(c: Case): Diagnostic[] {
  const a = c.damage.accident;
  if (c.report.kind !== 'accident' || !a?.isAccident) return [];
  const linked = c.causationAnalysis.items.filter((x) => hasCausalLink(x.causation));
  const faulted = [...new Set(linked.flatMap((x) => faultedInstitutions(c, x.faults)))];
  const given = a.responsibilities ?? [];
  const out: Diagnostic[] = given.flatMap((r, k) => faulted.includes(r.institution) ? [] : [error('ACCIDENT_RESPONSIBILITY_INSTITUTION', `damage.accident.responsibilities[${k}].institution`,
    `医疗机构「${r.institution}」没有与损害后果存在因果关系的医疗过失行为，不应承担${RESPONSIBILITY_DEGREES[r.responsibility]}（${SOURCES.accidentRegulation}第二条）`,
    `Institution ${r.institution} has no negligent act causally linked to the harm, yet is given a responsibility degree`)]);
  if (faulted.length >= 2 && given.length === 0) {
    out.push(error('ACCIDENT_RESPONSIBILITIES_MISSING', 'damage.accident.responsibilities',
      `${names(c, faulted)}均有与损害后果存在因果关系的医疗过失行为：应分别写明各医疗机构的责任程度（damage.accident.responsibilities，${SOURCES.accidentRegulation}第三十一条）`,
      `Several institutions (${faulted.join(', ')}) are at fault: state each one's responsibility degree (damage.accident.responsibilities)`));
  }
  return out;
}

export const sharesRules: Rule = (c) => [
  ...c.causationAnalysis.items.flatMap((item, i) => {
    const faulted = faultedInstitutions(c, item.faults);
    const own = (item.shares ?? []).flatMap((s, k) => participationRule(s, `${itemPath(i)}.shares[${k}]`));
    return [...missingShares(c, item, i, faulted), ...foreignShares(c, item, i, faulted), ...own, ...sharesAddUp(item, i)];
  }),
  ...accidentResponsibilities(c),
];
