/**
 * A paragraph that introduces what follows — one ending in a colon (「医方认为：」,
 * 「鉴定材料：」) or one standing right before a table (「以下材料均经医患双方确认。」) —
 * keeps with it: a lead-in left alone at the foot of a page, its list or table overleaf, is
 * what a proof-reader sends back. Done on the tree, so the PDF and the DOCX keep alike.
 */
import { plainText } from './plainText.js';
import type { Block, DocumentTree, Paragraph } from './tree.js';

const LEAD_IN_END = /[：:]\s*$/;

function introduces(block: Block, next: Block | undefined): boolean {
  if (block.kind !== 'paragraph' || block.keepWithNext || !next) return false;
  if (next.kind === 'table' || next.kind === 'image') return true;
  return next.kind === 'paragraph' && LEAD_IN_END.test(plainText(block.inlines));
}

export function keepLeadInsWithNext(tree: DocumentTree): DocumentTree {
  const sections = tree.sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b, i) => (introduces(b, s.blocks[i + 1]) ? { ...(b as Paragraph), keepWithNext: true } : b)),
  }));
  return { ...tree, sections };
}
