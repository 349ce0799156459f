/**
 * The whole document → pages of positioned drawables. Pure: fonts come in as metrics,
 * nothing here touches pdf-lib. Each section starts on a new page; body pages are
 * numbered 1…N, front pages are not counted.
 */
import { styleSheetOf } from '../../document/styleOverrides.js';
import type { DocumentTree } from '../../document/tree.js';
import { sectionFlow, wholeClosingHeight } from './blocks.js';
import { furniturePlacements } from './furniture.js';
import { pageGeometry, type PageGeometry } from './geometry.js';
import { linePitch } from './measure.js';
import type { Anchor, DocumentPlan, FaceSet, PagePlan } from './model.js';
import { paginate } from './paginate.js';
import type { LayoutContext } from './paragraph.js';
import { WarningSink } from './text.js';
import { planWatermark } from './watermark.js';

function sectionPages(tree: DocumentTree, geometry: PageGeometry, ctx: LayoutContext, anchors: Anchor[]): PagePlan[] {
  const pages: PagePlan[] = [];
  tree.sections.forEach((section, sectionIndex) => {
    const flow = sectionFlow(section, ctx);
    if (flow.length === 0) return;
    for (const placed of paginate(flow, geometry.textHeight)) {
      for (const p of placed) if (p.slice.anchor) anchors.push({ text: p.slice.anchor, page: pages.length + 1 });
      pages.push({
        sectionIndex,
        sectionKind: section.kind,
        furniture: section.furniture,
        placements: placed.map((p) => ({ drawables: p.slice.drawables, dx: geometry.marginLeft, dy: geometry.marginTop + p.y })),
        ...(placed.at(-1)?.slice.softBreak ? { breaksClosing: true } : {}),
      });
    }
  });
  if (pages.length === 0) pages.push({ sectionIndex: 0, sectionKind: 'front', furniture: { pageNumbers: 'none' }, placements: [] });
  return pages;
}

/**
 * Whether a word processor would find the 落款 and the paragraph chained to it about a page
 * tall or taller: within one body line, as word processors measure CJK lines a little
 * differently. The DOCX then drops the blank line above the signers so the two still share a page.
 */
function isClosingTight(section: DocumentTree['sections'][number], geometry: PageGeometry, ctx: LayoutContext): boolean {
  const height = wholeClosingHeight(section, ctx);
  return height > 0 && height > geometry.textHeight - linePitch(ctx.sheet, ctx.sheet.paragraphs.body.sizePt);
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
  const pages = sectionPages(tree, geometry, ctx, anchors);
  const totalBody = numberBodyPages(pages);
  for (const page of pages) page.placements.push(...furniturePlacements(page, totalBody, geometry, ctx));
  const watermark = tree.watermark ? planWatermark(tree.watermark, geometry, ctx) : undefined;
  // A 落款 the typesetter breaks between signers may break in the DOCX too: it needs no tightening.
  const splits = new Set(pages.filter((p) => p.breaksClosing).map((p) => p.sectionIndex));
  const tightClosings = tree.sections.map((section, i) => !splits.has(i) && isClosingTight(section, geometry, ctx));
  return { pageWidth: geometry.width, pageHeight: geometry.height, pages, anchors, tightClosings, ...(watermark ? { watermark } : {}), warnings: sink.warnings };
}
