/**
 * One consequence, one set of faults, one causal finding (Jiangsu measures Art. 25; SF/T 0095—2021 §7–8).
 *
 * Two items may name the same consequence when they analyse different faults — typically the
 * faults of different institutions, each given its own share under Art. 25. They may not both
 * analyse the same fault for it: the opinion would print two findings for one question, often
 * contradictory (次要 ≤40% beside 主要 60%). An item without faults stands for every fault.
 */
import { CAUSATION_TYPES } from '../domain/causation.js';
import { SOURCES } from '../domain/sources.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case, CausationItem } from '../schema/case.js';
import { describePath } from '../schema/labels.js';
import { error, type Rule } from './rule.js';

const itemPath = (i: number) => `causationAnalysis.items[${i}]`;

function termOf(item: CausationItem): string {
  return item.causation === 'undetermined' ? '难以明确' : CAUSATION_TYPES[item.causation].art25Term;
}

/** The faults an item analyses; an empty list means all of the case's faults. */
function faultsOf(item: CausationItem, all: string[]): Set<string> {
  return new Set(item.faults.length > 0 ? item.faults : all);
}

function shared(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((f) => b.has(f));
}

function duplicate(c: Case, first: number, second: number, common: string[]): Diagnostic {
  const [a, b] = [c.causationAnalysis.items[first]!, c.causationAnalysis.items[second]!];
  const description = c.damage.consequences.find((x) => x.id === a.consequence)?.description ?? a.consequence;
  const faults = `过错 ${common.join('、')}`;
  return error('CAUSATION_DUPLICATE_CONSEQUENCE', `${itemPath(second)}.consequence`,
    `${describePath(itemPath(first))}与${describePath(itemPath(second))}对同一损害后果「${description}」（${a.consequence}）及同一${faults} 分别作出因果关系判定（${termOf(a)}、${termOf(b)}）：` +
      `依据${SOURCES.measures}第二十五条及${SOURCES.sft0095}第7、8章，一项损害后果与同一医疗过错的因果关系只能有一个结论；` +
      '请合并为一项；涉及多个医疗机构的，各项应分列不同机构的过错',
    `${itemPath(first)} and ${itemPath(second)} both assess consequence ${a.consequence} for the same fault(s) (${a.causation}, ${b.causation}); ` +
      'Jiangsu measures Art. 25 and SF/T 0095—2021 allow one finding per consequence and fault: merge them, or split the faults by institution');
}

export const causationDuplicateRule: Rule = (c) => {
  const all = c.faultAnalysis.items.map((f) => f.id);
  const items = c.causationAnalysis.items;
  const out: Diagnostic[] = [];
  items.forEach((item, j) => {
    // Report each item once, against the first earlier item it collides with.
    const i = items.findIndex((other, k) => k < j && other.consequence === item.consequence && shared(faultsOf(other, all), faultsOf(item, all)).length > 0);
    if (i >= 0) out.push(duplicate(c, i, j, shared(faultsOf(items[i]!, all), faultsOf(item, all))));
  });
  return out;
};
