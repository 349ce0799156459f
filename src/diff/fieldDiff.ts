/**
 * Which case fields differ between two versions, for the summary. Lists of items with an
 * id (faults F1, consequences C1, institutions H1) are matched by id; other lists by content,
 * so inserting an item in the middle names that item, not every one after it.
 */
import { diffArrays } from 'diff';
import { formatPath } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import { fieldLabel } from '../schema/labels.js';
import { displayValue } from './fieldValues.js';

export interface FieldChange {
  /** JSON path as diagnostics write it: faultAnalysis.items[0].finding */
  path: string;
  /** The field's Chinese name: 第 1 项医疗过错分析的过错表述 */
  label: string;
  change: 'changed' | 'added' | 'removed';
  /** Short values as printed; null when the value is long text (「已修改」) or absent. */
  before: string | null;
  after: string | null;
}

type Path = PropertyKey[];
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function change(path: Path, kind: FieldChange['change'], before: unknown, after: unknown): FieldChange {
  return {
    path: formatPath(path), label: fieldLabel(path) ?? formatPath(path), change: kind,
    before: kind === 'added' ? null : displayValue(path, before), after: kind === 'removed' ? null : displayValue(path, after),
  };
}

function diffObjects(a: Record<string, unknown>, b: Record<string, unknown>, path: Path, out: FieldChange[]): void {
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  for (const key of keys) {
    const [x, y] = [a[key], b[key]];
    if (x === undefined && y !== undefined) out.push(change([...path, key], 'added', x, y));
    else if (y === undefined && x !== undefined) out.push(change([...path, key], 'removed', x, y));
    else diffValues(x, y, [...path, key], out);
  }
}

const idOf = (v: unknown): string | undefined => (isRecord(v) && typeof v.id === 'string' ? v.id : undefined);

/** Items matched by id: changed, added and removed items, each named by its own index. */
function diffById(a: unknown[], b: unknown[], path: Path, out: FieldChange[]): void {
  const oldIndex = new Map(a.map((x, i) => [idOf(x), i]));
  const newIds = new Set(b.map(idOf));
  b.forEach((y, j) => {
    const i = oldIndex.get(idOf(y));
    if (i === undefined) out.push(change([...path, j], 'added', undefined, y));
    else diffValues(a[i], y, [...path, j], out);
  });
  a.forEach((x, i) => {
    if (!newIds.has(idOf(x))) out.push(change([...path, i], 'removed', x, undefined));
  });
}

/** Items matched by content: unchanged ones aligned, the rest paired in order where both sides have one. */
function diffByContent(a: unknown[], b: unknown[], path: Path, out: FieldChange[]): void {
  let [i, j] = [0, 0];
  let removed: number[] = [];
  const flushAdded = (count: number) => {
    for (let k = 0; k < count; k++, j++) {
      const r = removed.shift();
      if (r === undefined) out.push(change([...path, j], 'added', undefined, b[j]));
      else diffValues(a[r], b[j], [...path, j], out);
    }
  };
  const flushRemoved = () => {
    removed.forEach((r) => out.push(change([...path, r], 'removed', a[r], undefined)));
    removed = [];
  };
  for (const c of diffArrays(a.map((x) => JSON.stringify(x)), b.map((y) => JSON.stringify(y)))) {
    const n = c.count ?? c.value.length;
    if (c.removed) {
      removed.push(...Array.from({ length: n }, (_, k) => i + k));
      i += n;
    } else if (c.added) {
      flushAdded(n);
    } else {
      flushRemoved();
      [i, j] = [i + n, j + n];
    }
  }
  flushRemoved();
}

/** A list of plain values (paragraphs of text, fault codes) is one value; a list of items is compared item by item. */
function diffLists(a: unknown[], b: unknown[], path: Path, out: FieldChange[]): void {
  if ([...a, ...b].every((v) => !isRecord(v) && !Array.isArray(v))) out.push(change(path, 'changed', a, b));
  else if ([...a, ...b].every((v) => idOf(v) !== undefined)) diffById(a, b, path, out);
  else diffByContent(a, b, path, out);
}

function diffValues(a: unknown, b: unknown, path: Path, out: FieldChange[]): void {
  if (same(a, b)) return;
  if (isRecord(a) && isRecord(b)) diffObjects(a, b, path, out);
  else if (Array.isArray(a) && Array.isArray(b)) diffLists(a, b, path, out);
  else out.push(change(path, 'changed', a, b));
}

/** The fields that differ, in the new version's order (removed items after the kept ones of their list). */
export function diffFields(before: Case, after: Case): FieldChange[] {
  const out: FieldChange[] = [];
  diffValues(before, after, [], out);
  return out;
}
