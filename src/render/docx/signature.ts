/**
 * The 落款: 「role：name」 per signer with the certificate note under it in small text,
 * the seal place (its label only when sealed; drafts leave the place empty), the date
 * right-aligned and an optional small footnote. All its paragraphs keep together and
 * with the text before them (see keepChain.ts).
 */
import { AlignmentType, Paragraph, type TextRun } from 'docx';
import type { ParagraphStyle, SignatureBlock } from '../../document/tree.js';
import type { FlowFlags, RenderContext } from './context.js';
import { plainRun } from './inlines.js';
import { flowOptions } from './paragraphs.js';
import { estimateWidthPt, linePitchPt, ptToTwips } from './units.js';
import { styleId } from './wordStyles.js';

const SIGNER_STYLE: ParagraphStyle = 'bodyFlush';
const NOTE_STYLE: ParagraphStyle = 'small';

interface Line {
  style: ParagraphStyle;
  text: string;
  align?: 'right';
  indent?: boolean;
}

export const signerText = (role: string, name: string): string => `${role}：${name}`;

function lines(sig: SignatureBlock): Line[] {
  const out: Line[] = [];
  for (const l of sig.lines) {
    out.push({ style: SIGNER_STYLE, text: signerText(l.role, l.name), indent: true });
    if (l.note) out.push({ style: NOTE_STYLE, text: l.note, indent: true });
  }
  // The seal place is one line either way, so drafts and finals lay out alike.
  out.push({ style: SIGNER_STYLE, text: sig.sealed ? sig.sealLabel ?? '' : '', align: 'right' });
  out.push({ style: SIGNER_STYLE, text: sig.date, align: 'right' });
  if (sig.footnote) out.push({ style: NOTE_STYLE, text: sig.footnote });
  return out;
}

/**
 * Left indent of the signer lines: as far right as the widest of them still fits (with
 * one character to spare), but no further than the middle of the text block.
 */
export function signerIndentTwips(sig: SignatureBlock, ctx: RenderContext): number {
  const textWidthPt = ctx.textWidthTwips / 20;
  const sizeOf = (s: ParagraphStyle): number => ctx.sheet.paragraphs[s].sizePt;
  const widths = lines(sig).filter((l) => l.indent).map((l) => estimateWidthPt(l.text, sizeOf(l.style)));
  const widest = widths.reduce((a, b) => Math.max(a, b), 0) + sizeOf(SIGNER_STYLE);
  return ptToTwips(Math.min(Math.max(0, textWidthPt - widest), textWidthPt / 2));
}

function renderLine(line: Line, indent: number, ctx: RenderContext, flags: FlowFlags, first: boolean): Paragraph {
  const children: TextRun[] = line.text ? [plainRun(line.text, ctx.sheet.paragraphs[line.style].font)] : [];
  return new Paragraph({
    style: styleId(line.style),
    ...(line.align ? { alignment: AlignmentType.RIGHT } : {}),
    ...(line.indent ? { indent: { left: indent, firstLine: 0, firstLineChars: 0 } } : {}),
    // One body line of air between the last text and the first signer.
    ...(first ? { spacing: { before: ptToTwips(linePitchPt(ctx.sheet, ctx.sheet.paragraphs.body.sizePt)) } } : {}),
    ...flowOptions(flags),
    children,
  });
}

export function renderSignature(sig: SignatureBlock, ctx: RenderContext, pageBreakBefore = false): Paragraph[] {
  const indent = signerIndentTwips(sig, ctx);
  const all = lines(sig);
  return all.map((line, i) =>
    renderLine(line, indent, ctx, { keepLines: true, keepNext: i < all.length - 1, pageBreakBefore: i === 0 && pageBreakBefore }, i === 0),
  );
}
