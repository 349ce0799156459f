/**
 * The 查询校验码 block: the code (and the verification address) right-aligned in small
 * text, and the QR code of the full address at the right edge of the text block, drawn
 * as vector squares so it scans at any print resolution.
 */
import type { Inline, VerificationBlock } from '../../document/tree.js';
import { MM_TO_PT } from '../../document/styles.js';
import { qrModules } from '../qr.js';
import { verificationLines } from '../verificationText.js';
import { shiftAll } from './drawables.js';
import type { Drawable, FillMark, Slice } from './model.js';
import { typeset, type LayoutContext } from './paragraph.js';

/** 20 mm: phones read a version-4 code at arm's length; it fits beside two lines of text. */
export const QR_SIZE_PT = 20 * MM_TO_PT;
const GAP_PT = 6;

const text = (value: string): Inline[] => [{ kind: 'text', text: value }];

function qrMark(url: string, x: number, y: number): FillMark {
  const modules = qrModules(url);
  const cell = QR_SIZE_PT / modules.length;
  const rects: FillMark['rects'] = [];
  modules.forEach((row, r) => {
    // One rectangle per run of dark modules: fewer operators, and no hairline seams between squares.
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let end = c;
      while (row[end + 1]) end++;
      rects.push([x + c * cell, y + r * cell, (end - c + 1) * cell, cell]);
      c = end;
    }
  });
  return { kind: 'fill', rects };
}

export function verificationSlices(block: VerificationBlock, ctx: LayoutContext): Slice[] {
  const small = ctx.sheet.paragraphs.small;
  const qr = block.url ? QR_SIZE_PT : 0;
  const width = ctx.textWidth - (qr ? qr + GAP_PT : 0);
  const style = { font: small.font, bold: false, sizePt: small.sizePt, align: 'right' as const, indent: 0 };
  const drawables: Drawable[] = [];
  let y = 0;
  for (const line of verificationLines(block).flatMap((l) => typeset(text(l), style, width, ctx))) {
    drawables.push(...shiftAll(line.drawables, 0, y));
    y += line.height;
  }
  if (block.url) drawables.push(qrMark(block.url, ctx.textWidth - qr, 0));
  return [{ height: Math.max(y, qr), spaceBefore: 0, spaceAfter: 0, keepWithNext: false, drawables, textLines: 0 }];
}
