/**
 * Two versions' blocks → the redline's blocks. Paragraphs are aligned by their text; an edited
 * paragraph gets a character diff, a whole inserted or deleted one is marked throughout.
 * Layout blocks (spacers, page breaks) and the 落款 follow the new version unmarked: they
 * carry no text of their own that the panel revises (signers and dates are case fields,
 * listed in the summary).
 */
import type { Block, Paragraph } from '../document/tree.js';
import { align, type AlignHandlers } from './align.js';
import { plainText } from '../document/plainText.js';
import { diffInlines, markAll } from './inlineDiff.js';
import { tableKey, diffTables, markTable } from './tableDiff.js';
import type { Tally } from './tally.js';
import { SIMILAR, similarity } from './textDiff.js';
import type { Revision } from '../render/docx/revisions.js';

function blockKey(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `p\u0000${plainText(block.inlines)}`;
    case 'table':
      return `t\u0000${tableKey(block)}`;
    case 'spacer':
      return `s\u0000${block.lines}`;
    case 'pageBreak':
      return 'b';
    case 'signature':
      return `g\u0000${JSON.stringify(block)}`;
    case 'image':
      return `i\u0000${block.alt}\u0000${block.widthPt}\u0000${block.data.length}`;
    case 'verification':
      // Every version has its own code: the new version's block stands, unmarked.
      return 'v';
  }
}

function pairs(before: Block, after: Block): boolean {
  if (before.kind === 'paragraph' && after.kind === 'paragraph') return similarity(plainText(before.inlines), plainText(after.inlines)) >= SIMILAR;
  if (before.kind === 'table' && after.kind === 'table') return true;
  return before.kind === after.kind && before.kind !== 'paragraph' && before.kind !== 'table';
}

function marked(block: Block, revision: Revision, tally: Tally): Block[] {
  if (block.kind === 'paragraph') {
    if (block.inlines.length === 0) return revision === 'ins' ? [block] : [];
    tally.count(revision);
    return [{ ...block, inlines: markAll(block.inlines, revision) } satisfies Paragraph];
  }
  if (block.kind === 'table') {
    tally.count(revision);
    return [markTable(block, revision)];
  }
  // Layout and the signature: the new version's stand, the old version's go.
  if (block.kind === 'signature') tally.signatureChanged = true;
  return revision === 'ins' ? [block] : [];
}

function edited(before: Block, after: Block, tally: Tally): Block[] {
  if (before.kind === 'paragraph' && after.kind === 'paragraph') return [{ ...after, inlines: diffInlines(before.inlines, after.inlines, tally) }];
  if (before.kind === 'table' && after.kind === 'table') return [diffTables(before, after, tally)];
  if (after.kind === 'signature') tally.signatureChanged = true;
  return [after];
}

export function diffBlocks(before: readonly Block[], after: readonly Block[], tally: Tally): Block[] {
  const handlers: AlignHandlers<Block, Block> = {
    key: blockKey,
    pairs,
    same: (b) => {
      tally.count('eq');
      return [b];
    },
    edited: (b, a) => edited(b, a, tally),
    inserted: (a) => marked(a, 'ins', tally),
    deleted: (b) => marked(b, 'del', tally),
  };
  return align(before, after, handlers);
}
