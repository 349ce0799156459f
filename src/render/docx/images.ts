/**
 * Images in the DOCX: inline (the QR code, a template's logo) or floating over the text (a seal over the
 * institution's name, a signature on its line). Sizes are in points; docx wants pixels at
 * 96 dpi for the size and EMU for offsets.
 */
import { HorizontalPositionRelativeFrom, ImageRun, LineRuleType, Paragraph, TextWrappingType, VerticalPositionRelativeFrom } from 'docx';
import type { ImageBlock } from '../../document/tree.js';
import { MM_TO_PT } from '../../document/styles.js';
import { fitImage } from '../imageFit.js';
import type { FlowFlags, RenderContext } from './context.js';
import { flowOptions } from './paragraphs.js';
import { styleId, wordAlignment } from './wordStyles.js';

const ptToPx = (pt: number): number => Math.round((pt * 96) / 72);
const ptToEmu = (pt: number): number => Math.round(pt * 12700);

export function inlineImage(png: Uint8Array, widthPt: number, heightPt: number, name: string, format: 'png' | 'jpeg' = 'png'): ImageRun {
  return new ImageRun({ type: format === 'jpeg' ? 'jpg' : 'png', data: png, transformation: { width: ptToPx(widthPt), height: ptToPx(heightPt) }, altText: { name, description: name, title: name } });
}

/** An image floating in front of the text at (x, y) points from the margin and the paragraph's top. */
export function floatingImage(png: Uint8Array, box: { x: number; y: number; w: number; h: number }, name: string): ImageRun {
  return new ImageRun({
    type: 'png',
    data: png,
    transformation: { width: ptToPx(box.w), height: ptToPx(box.h) },
    altText: { name, description: name, title: name },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: ptToEmu(box.x) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: ptToEmu(box.y) },
      allowOverlap: true,
      wrap: { type: TextWrappingType.NONE },
    },
  });
}

/**
 * A template's picture on a line of its own, in the body style so it follows the text's
 * alignment rules; single (auto) line spacing, since the style's exact pitch would clip it.
 */
export function renderImageBlock(block: ImageBlock, ctx: RenderContext, flags: FlowFlags): Paragraph {
  const p = ctx.sheet.page;
  const fitted = fitImage(block.widthPt, block.heightPt, ctx.textWidthTwips / 20, (p.heightMm - p.marginTopMm - p.marginBottomMm) * MM_TO_PT);
  return new Paragraph({
    style: styleId('bodyFlush'),
    alignment: wordAlignment(block.align),
    indent: { firstLine: 0, firstLineChars: 0 },
    spacing: { line: 240, lineRule: LineRuleType.AUTO },
    ...flowOptions(flags),
    children: [inlineImage(block.data, fitted.w, fitted.h, block.alt, block.format)],
  });
}
