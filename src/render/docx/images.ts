/**
 * Images in the DOCX: inline (the QR code) or floating over the text (a seal over the
 * institution's name, a signature on its line). Sizes are in points; docx wants pixels at
 * 96 dpi for the size and EMU for offsets.
 */
import { HorizontalPositionRelativeFrom, ImageRun, TextWrappingType, VerticalPositionRelativeFrom } from 'docx';

const ptToPx = (pt: number): number => Math.round((pt * 96) / 72);
const ptToEmu = (pt: number): number => Math.round(pt * 12700);

export function inlineImage(png: Uint8Array, widthPt: number, heightPt: number, name: string): ImageRun {
  return new ImageRun({ type: 'png', data: png, transformation: { width: ptToPx(widthPt), height: ptToPx(heightPt) }, altText: { name, description: name, title: name } });
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
