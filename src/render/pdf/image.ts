/**
 * A template's picture (a logo on the cover or in the letterhead): one unbreakable slice
 * as tall as the picture, placed left, centred or right in the text block.
 */
import type { ImageBlock } from '../../document/tree.js';
import { MM_TO_PT } from '../../document/styles.js';
import { fitImage } from '../imageFit.js';
import type { Slice } from './model.js';
import type { LayoutContext } from './paragraph.js';

export function imageSlices(block: ImageBlock, ctx: LayoutContext): Slice[] {
  const p = ctx.sheet.page;
  const { w, h } = fitImage(block.widthPt, block.heightPt, ctx.textWidth, (p.heightMm - p.marginTopMm - p.marginBottomMm) * MM_TO_PT);
  const x = block.align === 'center' ? (ctx.textWidth - w) / 2 : block.align === 'right' ? ctx.textWidth - w : 0;
  return [{ height: h, spaceBefore: 0, spaceAfter: 0, keepWithNext: false, drawables: [{ kind: 'image', data: block.data, x, y: 0, w, h }], textLines: 0 }];
}
