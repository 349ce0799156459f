/**
 * The whole document → pages of positioned drawables. Pure: fonts come in as metrics,
 * nothing here touches pdf-lib. Each section starts on a new page; body pages are
 * numbered 1…N, front pages are not counted.
 */
import { styleSheetOf } from '../../document/styleOverrides.js';
import type { DocumentTree } from '../../document/tree.js';
import { sectionFlow } from './blocks.js';
import { furniturePlacements } from './furniture.js';
import { pageGeometry, type PageGeometry } from './geometry.js';
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
  return { pageWidth: geometry.width, pageHeight: geometry.height, pages, anchors, ...(watermark ? { watermark } : {}), warnings: sink.warnings };
}
