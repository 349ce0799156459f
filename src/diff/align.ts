/**
 * Aligns two sequences (blocks, table rows) by key with jsdiff's diffArrays, then, inside
 * each changed stretch, pairs an old item with a later new item it resembles: that pair is
 * shown as an edit, the items between as whole insertions or deletions, in reading order.
 */
import { diffArrays } from 'diff';

export interface AlignHandlers<T, R> {
  key(item: T): string;
  /** Whether an old and a new item are versions of one another (same kind, similar text). */
  pairs(before: T, after: T): boolean;
  same(after: T): R[];
  edited(before: T, after: T): R[];
  inserted(after: T): R[];
  deleted(before: T): R[];
}

/** How far ahead among the new items an old item looks for its counterpart. */
const LOOKAHEAD = 8;

function changedStretch<T, R>(removed: readonly T[], added: readonly T[], h: AlignHandlers<T, R>): R[] {
  const out: R[] = [];
  let next = 0;
  for (const before of removed) {
    const limit = Math.min(added.length, next + LOOKAHEAD);
    let k = next;
    while (k < limit && !h.pairs(before, added[k]!)) k++;
    if (k === limit) {
      out.push(...h.deleted(before));
      continue;
    }
    for (const after of added.slice(next, k)) out.push(...h.inserted(after));
    out.push(...h.edited(before, added[k]!));
    next = k + 1;
  }
  for (const after of added.slice(next)) out.push(...h.inserted(after));
  return out;
}

export function align<T, R>(before: readonly T[], after: readonly T[], h: AlignHandlers<T, R>): R[] {
  const keysBefore = before.map(h.key);
  const keysAfter = after.map(h.key);
  const out: R[] = [];
  let [i, j] = [0, 0];
  let removed: T[] = [];
  let added: T[] = [];
  const flush = () => {
    out.push(...changedStretch(removed, added, h));
    [removed, added] = [[], []];
  };
  for (const change of diffArrays(keysBefore, keysAfter)) {
    const n = change.count ?? change.value.length;
    if (change.removed) {
      removed.push(...before.slice(i, i + n));
      i += n;
    } else if (change.added) {
      added.push(...after.slice(j, j + n));
      j += n;
    } else {
      flush();
      for (const item of after.slice(j, j + n)) out.push(...h.same(item));
      [i, j] = [i + n, j + n];
    }
  }
  flush();
  return out;
}
