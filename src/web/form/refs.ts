/**
 * Links between parts of a case (a treatment's institution, a causal link's consequence and
 * faults) are chosen from the items that exist; their codes are generated, never typed.
 */
import { getIn } from './data';
import type { Path } from './schema';

interface Source { list: Path; prefix: string; describe: string }

/** Lists whose items carry a generated code, and what names an item for a person. */
export const CODED_LISTS: Record<string, Source> = {
  'basicInfo.medicalInstitutions': { list: ['basicInfo', 'medicalInstitutions'], prefix: 'H', describe: 'name' },
  'faultAnalysis.items': { list: ['faultAnalysis', 'items'], prefix: 'F', describe: 'conduct' },
  'damage.consequences': { list: ['damage', 'consequences'], prefix: 'C', describe: 'description' },
};

/** Fields that refer to a coded list: by the list's parent path and the field name. */
const REFERENCES: [RegExp, string, boolean][] = [
  [/^basicInfo\.treatment\.\d+\.institution$/, 'basicInfo.medicalInstitutions', false],
  [/^faultAnalysis\.items\.\d+\.institution$/, 'basicInfo.medicalInstitutions', false],
  [/^causationAnalysis\.items\.\d+\.consequence$/, 'damage.consequences', false],
  [/^causationAnalysis\.items\.\d+\.faults$/, 'faultAnalysis.items', true],
  [/^causationAnalysis\.items\.\d+\.shares\.\d+\.institution$/, 'basicInfo.medicalInstitutions', false],
  [/^damage\.accident\.responsibilities\.\d+\.institution$/, 'basicInfo.medicalInstitutions', false],
  [/^panel\.experts\.\d+\.institution$/, 'basicInfo.medicalInstitutions', false],
];

export interface Reference { source: string; multiple: boolean }

export function referenceAt(path: Path): Reference | undefined {
  const key = path.join('.');
  const hit = REFERENCES.find(([re]) => re.test(key));
  return hit && { source: hit[1], multiple: hit[2] };
}

export interface Choice { id: string; label: string }

export function choicesFor(data: unknown, source: string): Choice[] {
  const s = CODED_LISTS[source]!;
  const items = (getIn(data, s.list) as Record<string, unknown>[] | undefined) ?? [];
  return items.filter((i) => typeof i?.id === 'string').map((i) => ({ id: i.id as string, label: `${i.id as string}　${String(i[s.describe] ?? '').slice(0, 30)}` }));
}

/** The next free code of a list: H3 after H1 and H2 (gaps are not reused, so links never change meaning). */
export function nextCode(items: unknown[], prefix: string): string {
  const used = items.map((i) => /^\D*(\d+)$/.exec(String((i as { id?: unknown })?.id ?? ''))?.[1]).map(Number).filter((n) => Number.isFinite(n));
  return `${prefix}${Math.max(0, ...used) + 1}`;
}

/** The coded list a list path is, if any. */
export const codedList = (path: Path): Source | undefined => CODED_LISTS[path.join('.')];
