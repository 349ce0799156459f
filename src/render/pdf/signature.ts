/**
 * The 落款: one blank line, each signer as 「role：name」 with the certificate note under
 * it in small text, the seal place (its label only when sealed; the same room left
 * empty on drafts), the date flush right, and the footnote in small text. All of it
 * keeps together; blocks.ts also ties it to the last body lines before it.
 */
import type { Inline, SignatureBlock } from '../../document/tree.js';
import type { Slice } from './model.js';
import { lineSlices, typeset, type LayoutContext, type TextLine, type TextStyle } from './paragraph.js';
import { atomFor } from './text.js';
import { slotFor } from './fonts.js';

const text = (value: string): Inline[] => [{ kind: 'text', text: value }];

function styles(ctx: LayoutContext): { body: TextStyle; small: TextStyle } {
  const body = ctx.sheet.paragraphs.bodyFlush;
  const small = ctx.sheet.paragraphs.small;
  return {
    body: { font: body.font, bold: body.bold, sizePt: body.sizePt, align: 'left', indent: 0 },
    small: { font: small.font, bold: small.bold, sizePt: small.sizePt, align: 'left', indent: 0 },
  };
}

/** Natural width of a one-line string (for placing the signer column). */
function naturalWidth(value: string, style: TextStyle, ctx: LayoutContext): number {
  const runStyle = { slot: slotFor(style.font, style.bold), size: style.sizePt, italic: false, underline: false };
  let width = 0;
  for (const ch of value) width += atomFor(ctx.faces, runStyle, ch)?.width ?? style.sizePt;
  return width;
}

/** The signer column starts at mid-page, or further left when the lines are long. */
function signerColumn(block: SignatureBlock, ctx: LayoutContext): number {
  const { body, small } = styles(ctx);
  const widest = Math.max(
    0,
    ...block.lines.map((l) => naturalWidth(`${l.role}：${l.name}`, body, ctx)),
    ...block.lines.map((l) => (l.note ? naturalWidth(l.note, small, ctx) : 0)),
  );
  return Math.max(0, Math.min(ctx.textWidth / 2, ctx.textWidth - widest));
}

function signatureLines(block: SignatureBlock, ctx: LayoutContext): TextLine[] {
  const { body, small } = styles(ctx);
  const left = signerColumn(block, ctx);
  const column = ctx.textWidth - left;
  const blank = typeset([], body, ctx.textWidth, ctx);
  const lines: TextLine[] = [...blank];
  for (const signer of block.lines) {
    lines.push(...typeset(text(`${signer.role}：${signer.name}`), body, column, ctx, left));
    if (signer.note) lines.push(...typeset(text(signer.note), small, column, ctx, left));
  }
  const seal = block.sealed && block.sealLabel ? typeset(text(block.sealLabel), { ...body, align: 'right' }, ctx.textWidth, ctx) : blank;
  lines.push(...seal);
  lines.push(...typeset(text(block.date), { ...body, align: 'right' }, ctx.textWidth, ctx));
  if (block.footnote) lines.push(...typeset(text(block.footnote), small, ctx.textWidth, ctx));
  return lines;
}

export function signatureSlices(block: SignatureBlock, ctx: LayoutContext): Slice[] {
  return lineSlices(signatureLines(block, ctx), 0, 0, true, false);
}
