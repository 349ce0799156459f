/**
 * A section's blocks → docx body children. Page breaks become pageBreakBefore on the
 * next block's first paragraph: a paragraph holding only w:br type="page" leaves an
 * empty line at the top of the new page in Word, and LibreOffice moves it onto the next
 * paragraph anyway. The signature's keep chain is applied here too.
 */
import type { Paragraph, Table } from 'docx';
import type { Block } from '../../document/tree.js';
import type { RenderContext } from './context.js';
import { renderImageBlock } from './images.js';
import { keepChain } from '../../document/keepChain.js';
import { renderParagraph, renderSpacer, type TableSides } from './paragraphs.js';
import { renderSignature } from './signature.js';
import { renderTable } from './tables.js';
import { renderVerification } from './verification.js';

export type BodyChild = Paragraph | Table;

function renderBlock(block: Block, ctx: RenderContext, keepNext: boolean, breakBefore: boolean, tables: TableSides): BodyChild[] {
  switch (block.kind) {
    case 'paragraph':
      return [renderParagraph(block, ctx, { keepNext, pageBreakBefore: breakBefore }, tables)];
    case 'spacer':
      return renderSpacer(block.lines, { keepNext, pageBreakBefore: breakBefore });
    case 'signature':
      return renderSignature(block, ctx, breakBefore);
    case 'table': {
      const table = renderTable(block, ctx, { keepNext, pageBreakBefore: breakBefore });
      return table ? [table] : [];
    }
    case 'verification':
      return renderVerification(block, ctx, block.url ? ctx.qrImages?.get(block.url) : undefined);
    case 'image':
      return [renderImageBlock(block, ctx, { keepNext, pageBreakBefore: breakBefore })];
    case 'pageBreak':
      return [];
  }
}

export function renderBlocks(blocks: readonly Block[], ctx: RenderContext): BodyChild[] {
  const chained = keepChain(blocks);
  const out: BodyChild[] = [];
  let breakPending = false;
  blocks.forEach((block, i) => {
    if (block.kind === 'pageBreak') {
      // Two breaks in a row mean an empty page: one empty line starting it.
      if (breakPending) out.push(...renderSpacer(1, { pageBreakBefore: true }));
      breakPending = true;
      return;
    }
    const tables = { before: blocks[i - 1]?.kind === 'table', after: blocks[i + 1]?.kind === 'table' };
    const rendered = renderBlock(block, ctx, chained.has(i), breakPending, tables);
    if (rendered.length > 0) breakPending = false;
    out.push(...rendered);
  });
  // A trailing break is dropped: the next section starts on a new page anyway.
  return out;
}
