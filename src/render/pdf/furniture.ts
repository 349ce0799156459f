/**
 * Page furniture: the header text and page numbers, typeset in the margins.
 * 'ofTotal' prints 「第 M 页 共 N 页」 at the top right (header text then sits left);
 * 'dash' prints 「— M —」 centred 7 mm below the text block (GB/T 9704). M and N count body pages only, so front
 * pages (cover, 声明) carry no number.
 */
import { MM_TO_PT } from '../../document/styles.js';
import type { Align, Inline } from '../../document/tree.js';
import type { PageGeometry } from './geometry.js';
import type { PagePlan, Placement } from './model.js';
import { typeset, type LayoutContext, type TextStyle } from './paragraph.js';

const text = (value: string): Inline[] => [{ kind: 'text', text: value }];

function furnitureStyle(ctx: LayoutContext, align: Align): TextStyle {
  return { font: 'songti', bold: false, sizePt: ctx.sheet.page.furnitureSizePt, align, indent: 0 };
}

/** One line of margin text, its line box centred vertically in the band [top, top + band). */
function marginLine(value: string, align: Align, top: number, band: number, geometry: PageGeometry, ctx: LayoutContext): Placement[] {
  const lines = typeset(text(value), furnitureStyle(ctx, align), geometry.textWidth, ctx);
  const height = lines.reduce((h, l) => h + l.height, 0);
  let dy = top + Math.max(0, (band - height) / 2);
  return lines.map((line) => {
    const placement = { drawables: line.drawables, dx: geometry.marginLeft, dy };
    dy += line.height;
    return placement;
  });
}

/** GB/T 9704 7.5: the folio's top stands 7 mm below the text block (版心下边缘). */
export const FOLIO_BELOW_TEXT_MM = 7;

/** The folio line, its em box's top FOLIO_BELOW_TEXT_MM under the text block. */
function folioLine(value: string, geometry: PageGeometry, ctx: LayoutContext): Placement[] {
  const style = furnitureStyle(ctx, 'center');
  const lines = typeset(text(value), style, geometry.textWidth, ctx);
  const emTopInLine = ((lines[0]?.height ?? style.sizePt) - style.sizePt) / 2;
  const top = geometry.height - geometry.marginBottom + FOLIO_BELOW_TEXT_MM * MM_TO_PT - emTopInLine;
  return lines.map((line, i) => ({ drawables: line.drawables, dx: geometry.marginLeft, dy: top + i * line.height }));
}

export function pageNumberText(style: 'ofTotal' | 'dash', page: number, total: number): string {
  return style === 'ofTotal' ? `第 ${page} 页 共 ${total} 页` : `— ${page} —`;
}

export function furniturePlacements(page: PagePlan, totalBody: number, geometry: PageGeometry, ctx: LayoutContext): Placement[] {
  const { headerText, pageNumbers } = page.furniture;
  const numbered = page.bodyNumber !== undefined && pageNumbers !== 'none';
  const topBand = (value: string, align: Align) => marginLine(value, align, 0, geometry.marginTop, geometry, ctx);
  const placements: Placement[] = [];
  if (headerText) placements.push(...topBand(headerText, numbered && pageNumbers === 'ofTotal' ? 'left' : 'center'));
  if (numbered && pageNumbers === 'ofTotal') placements.push(...topBand(pageNumberText('ofTotal', page.bodyNumber ?? 0, totalBody), 'right'));
  if (numbered && pageNumbers === 'dash') placements.push(...folioLine(pageNumberText('dash', page.bodyNumber ?? 0, totalBody), geometry, ctx));
  return placements;
}
