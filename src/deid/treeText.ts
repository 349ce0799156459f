/**
 * The text a document tree puts on paper, for the residual scan: every paragraph (its runs
 * joined, so a name split across bold and plain runs is seen whole), table cell, header,
 * watermark, signature line and the metadata both files carry. Walked generically, so a block
 * kind added later (a QR caption, a seal label) is scanned without a change here.
 */
import type { DocumentTree } from '../document/tree.js';

/** Keys whose values are layout vocabulary, not text. */
const LAYOUT_KEYS = new Set(['kind', 'style', 'font', 'align', 'preset', 'pageNumbers']);

function collect(value: unknown, out: string[]): void {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => collect(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (LAYOUT_KEYS.has(k)) continue;
      if (k === 'inlines' && Array.isArray(v)) out.push(v.map((i: { kind: string; text?: string }) => (i.kind === 'text' ? i.text ?? '' : '\n')).join(''));
      else collect(v, out);
    }
  }
}

export function treeText(tree: DocumentTree): string[] {
  const out: string[] = [];
  collect(tree, out);
  return out.filter((s) => s.trim() !== '');
}
