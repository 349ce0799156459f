/**
 * Paragraph text diff carried back onto the runs: equal and inserted text keep the new
 * version's formatting, deleted text the old version's; changed text is marked with a
 * revision (render/docx/revisions.ts). A line break inside a change becomes a marked "\n".
 */
import { plainText } from '../document/plainText.js';
import type { Inline } from '../document/tree.js';
import type { Revision, RevisedRun } from '../render/docx/revisions.js';
import { textDiff } from './textDiff.js';
import type { Tally } from './tally.js';

/** The text of a run of inlines, a line break counting as "\n". */
/** The inlines covering characters [from, to) of plainText(inlines), split at the edges. */
export function sliceInlines(inlines: readonly Inline[], from: number, to: number): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  for (const inline of inlines) {
    const length = inline.kind === 'lineBreak' ? 1 : inline.text.length;
    const [start, end] = [Math.max(from, at), Math.min(to, at + length)];
    if (start < end) out.push(inline.kind === 'lineBreak' ? inline : { ...inline, text: inline.text.slice(start - at, end - at) });
    at += length;
    if (at >= to) break;
  }
  return out;
}

/** Every inline marked as inserted or deleted. */
export function markAll(inlines: readonly Inline[], revision: Revision): RevisedRun[] {
  return inlines.map((i): RevisedRun => (i.kind === 'lineBreak' ? { kind: 'text', text: '\n', revision } : { ...i, revision }));
}

/** The redlined inlines of a changed paragraph (or table cell). */
export function diffInlines(before: readonly Inline[], after: readonly Inline[], tally: Tally): Inline[] {
  const out: Inline[] = [];
  let [a, b] = [0, 0];
  tally.count('eq'); // a changed paragraph's edits are its own places
  for (const s of textDiff(plainText(before), plainText(after))) {
    const n = s.text.length;
    if (s.op === 'eq') {
      out.push(...sliceInlines(after, b, b + n));
      [a, b] = [a + n, b + n];
    } else if (s.op === 'del') {
      out.push(...markAll(sliceInlines(before, a, a + n), 'del'));
      a += n;
    } else {
      out.push(...markAll(sliceInlines(after, b, b + n), 'ins'));
      b += n;
    }
    tally.count(s.op);
  }
  return out;
}
