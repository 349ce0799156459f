/** Replaced or amended legal citations (rules.md §7): a warning naming the successor. */
import { findReplacement } from '../domain/citations.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import { warning, type Rule } from './rule.js';

/** Every 《…》 name in the listed citations and in the texts that measure or grade against norms. */
function citedNames(c: Case): { name: string; path: string }[] {
  const out = c.citations.map((name, i) => ({ name, path: `citations[${i}]` }));
  const texts: [string, string][] = [
    ...c.faultAnalysis.items.flatMap((f, i): [string, string][] => [[f.norm ?? '', `faultAnalysis.items[${i}].norm`], ...f.analysis.map((p, k): [string, string] => [p, `faultAnalysis.items[${i}].analysis[${k}]`])]),
    ...c.causationAnalysis.items.flatMap((x, i) => x.analysis.map((p, k): [string, string] => [p, `causationAnalysis.items[${i}].analysis[${k}]`])),
    ...c.damage.consequences.flatMap((x, i) => (x.basis ?? []).map((p, k): [string, string] => [p, `damage.consequences[${i}].basis[${k}]`])),
  ];
  for (const [text, path] of texts) for (const m of text.matchAll(/《([^》]+)》/g)) out.push({ name: m[1]!, path });
  return out;
}

export const citationRules: Rule = (c) =>
  citedNames(c).flatMap(({ name, path }): Diagnostic[] => {
    const hit = findReplacement(name);
    if (!hit || c.report.date < hit.rule.since) return [];
    const code = hit.amended ? 'CITATION_AMENDED' : 'CITATION_REPLACED';
    const verb = hit.amended ? `已于${hit.rule.since}起修改，应引用修改后的文本：` : `已于${hit.rule.since}起被替代，应改为引用`;
    return [warning(code, path, `《${name.replace(/[《》]/g, '')}》${verb}${hit.rule.successor}`, `${name} was ${hit.amended ? 'amended' : 'replaced'} from ${hit.rule.since}; cite ${hit.rule.successor}`)];
  });
