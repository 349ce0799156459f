/**
 * The whole document → pages of positioned drawables. Pure: fonts come in as metrics,
 * nothing here touches pdf-lib. Each section starts on a new page; body pages are
 * numbered 1…N, front pages are not counted.
 */
import { styleSheetOf } from '../../document/styleOverrides.js';
import type { DocumentTree, Section } from '../../document/tree.js';
import { sectionFlow, wholeClosingHeight, type FlowCache } from './blocks.js';
import { furniturePlacements } from './furniture.js';
import { pageGeometry, type PageGeometry } from './geometry.js';
import { linePitch } from './measure.js';
import type { ClosingLayout, CompactClosing } from '../../document/signaturePlaces.js';
import { isPageBreak, type Anchor, type DocumentPlan, type FaceSet, type FlowItem, type PagePlan } from './model.js';
import { MAX_EMPTY_SHARE, paginate, type PlacedSlice } from './paginate.js';
import type { LayoutContext } from './paragraph.js';
import { WarningSink } from './text.js';
import { planWatermark } from './watermark.js';

/**
 * Share of the page before the 落款's first page left empty, when the 落款 was carried there
 * (its page opens with the lines tied to it); 0 otherwise, or without a 落款.
 */
function emptyBeforeClosing(pages: PlacedSlice[][], height: number): number {
  const at = pages.findIndex((page) => page.some((p) => p.slice.signature === 'start'));
  if (at <= 0) return 0;
  const page = pages[at]!;
  const start = page.findIndex((p) => p.slice.signature === 'start');
  if (page.slice(0, start).some((p) => p.index >= 0 && !p.slice.keepWithNext)) return 0; // it starts mid-page: nothing moved

  const last = pages[at - 1]!.at(-1);
  return last ? Math.max(0, 1 - (last.y + last.slice.height) / height) : 1;
}

/** Whether a page ends between a 落款's signers: one taller than a page broke there. */
function breaksClosing(pages: PlacedSlice[][]): boolean {
  return pages.some((page) => page.at(-1)?.slice.softBreak === true);
}

/** What a proof-reader would send back about a 落款: signatures broken away from the text (worst), or a mostly empty page before it. */
function closingCost(pages: PlacedSlice[][], height: number): number {
  return (breaksClosing(pages) ? 2 : 0) + (emptyBeforeClosing(pages, height) > MAX_EMPTY_SHARE ? 1 : 0);
}

/** How the flow's first 落款 was set, as its opening slice records; false without one. */
function closingFormOf(flow: readonly FlowItem[]): CompactClosing {
  for (const item of flow) if (!isPageBreak(item) && item.signature === 'start') return item.closingForm ?? false;
  return false;
}

/**
 * A section's pages, with the 落款 set compact where that spares a split 落款 or a mostly
 * empty page before it; `compact` says how (for the DOCX), false when full.
 */
export function paginateSection(section: Section, ctx: LayoutContext, height: number, laidOut: FlowCache = new Map()): { placed: PlacedSlice[][]; compact: CompactClosing; empty: boolean } {
  const flow = sectionFlow(section, ctx, laidOut);
  const full = paginate(flow, height);
  const fullCost = closingCost(full, height);
  const empty = flow.length === 0;
  if (fullCost === 0) return { placed: full, compact: false, empty };
  const compactFlow = sectionFlow(section, { ...ctx, compactClosing: true }, laidOut);
  const compact = paginate(compactFlow, height);
  return closingCost(compact, height) < fullCost ? { placed: compact, compact: closingFormOf(compactFlow), empty } : { placed: full, compact: false, empty };
}

/**
 * Whether a word processor would find the 落款 and the paragraph chained to it about a page
 * tall or taller: within one body line, as word processors measure CJK lines a little
 * differently. The DOCX then drops the blank line above the signers so the two still share a page.
 */
function isClosingTight(height: number, geometry: PageGeometry, ctx: LayoutContext): boolean {
  return height > 0 && height > geometry.textHeight - linePitch(ctx.sheet, ctx.sheet.paragraphs.body.sizePt);
}

/**
 * A section's 落款 as the DOCX should set it: a 落款 the typesetter breaks between signers may
 * break there instead of going tight; compact ones are set compact.
 */
function closingLayout(placed: PlacedSlice[][], compact: CompactClosing, wholeHeight: number, geometry: PageGeometry, ctx: LayoutContext): ClosingLayout {
  const split = breaksClosing(placed);
  return { split, tight: !split && isClosingTight(wholeHeight, geometry, ctx), compact };
}

function sectionPages(tree: DocumentTree, geometry: PageGeometry, ctx: LayoutContext, anchors: Anchor[], closings: ClosingLayout[]): PagePlan[] {
  const pages: PagePlan[] = [];
  tree.sections.forEach((section, sectionIndex) => {
    const laidOut: FlowCache = new Map();
    const { placed: sectionPlaced, compact, empty } = paginateSection(section, ctx, geometry.textHeight, laidOut);
    closings[sectionIndex] = closingLayout(sectionPlaced, compact, wholeClosingHeight(section, ctx, laidOut), geometry, ctx);
    if (empty) return;
    for (const placed of sectionPlaced) {
      for (const p of placed) if (p.slice.anchor) anchors.push({ text: p.slice.anchor, page: pages.length + 1 });
      pages.push({
        sectionIndex,
        sectionKind: section.kind,
        furniture: section.furniture,
        placements: placed.map((p) => ({ drawables: p.slice.drawables, dx: geometry.marginLeft, dy: geometry.marginTop + p.y })),
      });
    }
  });
  if (pages.length === 0) pages.push({ sectionIndex: 0, sectionKind: 'front', furniture: { pageNumbers: 'none' }, placements: [] });
  return pages;
}

function numberBodyPages(pages: PagePlan[]): number {
  let count = 0;
  for (const page of pages) if (page.sectionKind === 'body') page.bodyNumber = ++count;
  return count;
}

export function layoutDocument(tree: DocumentTree, faces: FaceSet): DocumentPlan {
  const sheet = styleSheetOf(tree);
  const geometry = pageGeometry(sheet);
  const sink = new WarningSink();
  const ctx: LayoutContext = { sheet, faces, sink, textWidth: geometry.textWidth };
  const anchors: Anchor[] = [];
  const closings: ClosingLayout[] = [];
  const pages = sectionPages(tree, geometry, ctx, anchors, closings);
  const totalBody = numberBodyPages(pages);
  for (const page of pages) page.placements.push(...furniturePlacements(page, totalBody, geometry, ctx));
  const watermark = tree.watermark ? planWatermark(tree.watermark, geometry, ctx) : undefined;
  return { pageWidth: geometry.width, pageHeight: geometry.height, pages, anchors, closings, ...(watermark ? { watermark } : {}), warnings: sink.warnings };
}
