/**
 * The 查询校验码 block in Word: the code lines right-aligned in small text beside the QR
 * code (a PNG made by the qrcode package), in a borderless two-cell table so the code and
 * the image stay side by side however the clerk edits the text around them.
 */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, WidthType, type ImageRun } from 'docx';
import type { VerificationBlock } from '../../document/tree.js';
import { MM_TO_PT } from '../../document/styles.js';
import type { RenderContext } from './context.js';
import { inlineImage } from './images.js';
import { plainRun } from './inlines.js';
import { styleId } from './wordStyles.js';
import { verificationLines } from '../verificationText.js';

const QR_PT = 20 * MM_TO_PT;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

function codeParagraphs(block: VerificationBlock, ctx: RenderContext): Paragraph[] {
  return verificationLines(block).map((line) => new Paragraph({ style: styleId('small'), alignment: AlignmentType.RIGHT, children: [plainRun(line)] }));
}

export function renderVerification(block: VerificationBlock, ctx: RenderContext, qr: Uint8Array | undefined): (Paragraph | Table)[] {
  if (!block.url || !qr) return codeParagraphs(block, ctx);
  const qrTwips = Math.round(QR_PT * 20) + 200;
  const image: ImageRun = inlineImage(qr, QR_PT, QR_PT, `查询二维码：${block.url}`);
  return [
    new Table({
      width: { size: ctx.textWidthTwips, type: WidthType.DXA },
      columnWidths: [ctx.textWidthTwips - qrTwips, qrTwips],
      borders: NO_BORDERS,
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ borders: NO_BORDERS, width: { size: ctx.textWidthTwips - qrTwips, type: WidthType.DXA }, children: codeParagraphs(block, ctx) }),
            new TableCell({ borders: NO_BORDERS, width: { size: qrTwips, type: WidthType.DXA }, children: [new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 }, children: [image] })] }),
          ],
        }),
      ],
    }),
  ];
}
