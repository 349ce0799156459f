/**
 * A section's blocks → docx body children. Page breaks become pageBreakBefore on the
 * next paragraph (a paragraph holding only w:br type="page" leaves an empty line at the
 * top of the new page); the signature's keep chain is applied here.
 */
import { PageBreak, Paragraph, type Table } from 'docx';
import type { Block } from '../../document/tree.js';
import type { RenderContext } from './context.js';
import { keepChain } from './keepChain.js';
import { renderParagraph, renderSpacer } from './paragraphs.js';
import { renderSignature } from './signature.js';
import { renderTable } from './tables.js';

export type BodyChild = Paragraph | Table;

function renderBlock(block: Block, ctx: RenderContext, keepNext: boolean, breakBefore: boolean): BodyChild[] {
  switch (block.kind) {
    case 'paragraph':
      return [renderParagraph(block, ctx, { keepNext, pageBreakBefore: breakBefore })];
    case 'spacer':
      return renderSpacer(block.lines, { keepNext, pageBreakBefore: breakBefore });
    case 'signature':
      return renderSignature(block, ctx, breakBefore);
    case 'table': {
      const table = renderTable(block, ctx, keepNext);
      if (!table) return breakBefore ? [pageBreakParagraph()] : [];
      // A table cannot carry pageBreakBefore; fall back to an explicit break paragraph.
      return breakBefore ? [pageBreakParagraph(), table] : [table];
    }
    case 'pageBreak':
      return [];
  }
}

const pageBreakParagraph = (): Paragraph => new Paragraph({ children: [new PageBreak()] });

export function renderBlocks(blocks: readonly Block[], ctx: RenderContext): BodyChild[] {
  const chained = keepChain(blocks);
  const out: BodyChild[] = [];
  let breakPending = false;
  blocks.forEach((block, i) => {
    if (block.kind === 'pageBreak') {
      // Two breaks in a row mean an empty page: flush the first as its own paragraph.
      if (breakPending) out.push(pageBreakParagraph());
      breakPending = true;
      return;
    }
    const rendered = renderBlock(block, ctx, chained.has(i), breakPending);
    if (rendered.length > 0) breakPending = false;
    out.push(...rendered);
  });
  // A trailing break is dropped: the next section starts on a new page anyway.
  return out;
}
