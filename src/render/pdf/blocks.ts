/**
 * A section's blocks → the flow of slices pagination works on, with the cross-block
 * rules: keep-with-next between blocks, and the 落款 tied to at least the last two text
 * lines before it (it must never sit alone on a page).
 */
import type { Block, Section, Spacer } from '../../document/tree.js';
import { keepChain } from '../../document/keepChain.js';
import { linePitch } from './measure.js';
import { isPageBreak, type FlowItem, type Slice } from './model.js';
import { plainText } from '../../document/plainText.js';
import { paragraphSlices, type LayoutContext } from './paragraph.js';
import { imageSlices } from './image.js';
import { signatureSlices } from './signature.js';
import { tableSlices } from './tables.js';
import { verificationSlices } from './verification.js';

/** Lines of the body text the 落款 must share its page with. */
const SIGNATURE_KEEPS_LINES = 2;

function spacerSlice(block: Spacer, ctx: LayoutContext): Slice[] {
  const lines = Number.isFinite(block.lines) ? Math.max(0, block.lines) : 0;
  if (lines === 0) return [];
  const pitch = linePitch(ctx.sheet, ctx.sheet.paragraphs.body.sizePt);
  return [blankSlice(lines * pitch, pitch)];
}

/** Blank space that can be cut at any whole line (a spacer taller than a page). */
function blankSlice(height: number, pitch: number): Slice {
  return {
    height,
    spaceBefore: 0,
    spaceAfter: 0,
    keepWithNext: false,
    drawables: [],
    textLines: 0,
    discardAtTop: true,
    split: (available) => {
      const head = Math.floor(available / pitch) * pitch;
      return head > 0 && head < height ? [blankSlice(head, pitch), blankSlice(height - head, pitch)] : null;
    },
  };
}

const ANCHORED = new Set(['heading1', 'heading2', 'title']);

function blockItems(block: Block, ctx: LayoutContext): FlowItem[] {
  switch (block.kind) {
    case 'paragraph': {
      const slices = paragraphSlices(block, ctx);
      const first = slices[0];
      if (first && ANCHORED.has(block.style)) first.anchor = plainText(block.inlines);
      return slices;
    }
    case 'table':
      return tableSlices(block, ctx);
    case 'spacer':
      return spacerSlice(block, ctx);
    case 'pageBreak':
      return [{ kind: 'pageBreak' }];
    case 'signature':
      return signatureSlices(block, ctx);
    case 'verification':
      return verificationSlices(block, ctx);
    case 'image':
      return imageSlices(block, ctx);
  }
}

/** Marks slices before `index` as kept with their successor until enough text lines are tied. */
function tieToPrevious(items: FlowItem[], index: number, textLines: number): void {
  let covered = 0;
  for (let i = index - 1; i >= 0 && covered < textLines; i--) {
    const item = items[i] as FlowItem;
    if (isPageBreak(item)) return;
    item.keepWithNext = true;
    covered += item.textLines;
  }
}

/** Each block's items, laid out once: a second pagination (the compact 落款) sets only the 落款 again. */
export type FlowCache = Map<Block, FlowItem[]>;

function cachedItems(block: Block, ctx: LayoutContext, cache: FlowCache | undefined): FlowItem[] {
  if (!cache || block.kind === 'signature') return blockItems(block, ctx);
  let items = cache.get(block);
  if (!items) cache.set(block, (items = blockItems(block, ctx)));
  return items;
}

export function sectionFlow(section: Section, ctx: LayoutContext, cache?: FlowCache): FlowItem[] {
  const items: FlowItem[] = [];
  for (const block of section.blocks) {
    const start = items.length;
    items.push(...cachedItems(block, ctx, cache));
    if (block.kind === 'signature' && items.length > start) tieToPrevious(items, start, SIGNATURE_KEEPS_LINES);
  }
  return items;
}

const flowHeight = (items: readonly FlowItem[]): number => items.reduce((sum, item) => (isPageBreak(item) ? sum : sum + item.spaceBefore + item.height + item.spaceAfter), 0);

/**
 * Height of what a word processor keeps together at a section's first 落款: the blocks the
 * DOCX chains to it (keepChain), whole — LibreOffice moves a keep-with-next paragraph whole
 * when it fits the page before, where the typesetter carries only its last two lines — and
 * the 落款 itself; 0 without a 落款.
 */
export function wholeClosingHeight(section: Section, ctx: LayoutContext, cache?: FlowCache): number {
  const at = section.blocks.findIndex((block) => block.kind === 'signature');
  if (at < 0) return 0;
  const chained = keepChain(section.blocks);
  const kept = section.blocks.filter((_, i) => i === at || (i < at && chained.has(i)));
  return flowHeight(kept.flatMap((block) => cachedItems(block, ctx, cache)));
}
