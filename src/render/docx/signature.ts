/**
 * The 落款 in Word, the same places as the PDF's (render/pdf/signature.ts): each signer's
 * 「role：name」 followed by a signing line (a tab with an underscore leader to the right
 * margin, with room above it for the handwriting), the certificate note in small text, then
 * the institution's name centred over the date (右空四字) with the seal's 42 mm kept clear
 * above and below. Optional seal and signature images float in those places. All of it
 * keeps together and with the text before it (see keepChain.ts), unless the typesetter had
 * to break it between signers.
 */
import { AlignmentType, LeaderType, Paragraph, TabStopType, type ImageRun, type ParagraphChild } from 'docx';
import type { ParagraphStyle, SignatureBlock, SignatureLine } from '../../document/tree.js';
import { DATE_RIGHT_INDENT_CHARS, SEAL_CENTRE_ABOVE_PT, SEAL_DIAMETER_PT as SEAL_PT, SIGNERS_WITH_DATE, SIGNING_EXTRA_LINES, SIGNING_WIDTH_PT as SIGNING_PT, signerText } from '../../document/signaturePlaces.js';
import type { FlowFlags, RenderContext } from './context.js';
import { floatingImage } from './images.js';
import { plainRun, tabRun } from './inlines.js';
import { flowOptions } from './paragraphs.js';
import { estimateWidthPt, linePitchPt, ptToTwips } from './units.js';
import { styleId } from './wordStyles.js';

const SIGNER_STYLE: ParagraphStyle = 'bodyFlush';
const NOTE_STYLE: ParagraphStyle = 'small';

interface Line {
  style: ParagraphStyle;
  children: ParagraphChild[];
  indentLeft?: number;
  indentRight?: number;
  align?: 'right';
  before?: number;
  after?: number;
  signingTab?: boolean;
}

const sizeOf = (ctx: RenderContext, s: ParagraphStyle): number => ctx.sheet.paragraphs[s].sizePt;
const pitchOf = (ctx: RenderContext): number => linePitchPt(ctx.sheet, sizeOf(ctx, SIGNER_STYLE));

/** Left indent of the signer lines (twips): the widest name plus its signing space fits, at most mid-page. */
export function signerIndentTwips(sig: SignatureBlock, ctx: RenderContext): number {
  const textWidthPt = ctx.textWidthTwips / 20;
  const size = sizeOf(ctx, SIGNER_STYLE);
  const widths = sig.lines.flatMap((l) => [
    estimateWidthPt(signerText(l), size) + size + SIGNING_PT,
    l.note ? estimateWidthPt(l.note, sizeOf(ctx, NOTE_STYLE)) : 0,
  ]);
  const widest = widths.reduce((a, b) => Math.max(a, b), 0);
  return ptToTwips(Math.min(Math.max(0, textWidthPt - widest), textWidthPt / 2));
}

function signerLines(l: SignatureLine, indent: number, ctx: RenderContext, sealed: boolean): Line[] {
  const pitch = pitchOf(ctx);
  const text = signerText(l);
  // The tab runs to the right margin along an underscore leader: the signing line.
  const children: ParagraphChild[] = [plainRun(text), tabRun()];
  if (sealed && l.image) {
    const x = indent / 20 + estimateWidthPt(text, sizeOf(ctx, SIGNER_STYLE)) + sizeOf(ctx, SIGNER_STYLE);
    const h = pitch * (1 + SIGNING_EXTRA_LINES) * 0.8;
    children.push(floatingImage(l.image, { x, y: 0, w: Math.max(0, ctx.textWidthTwips / 20 - x), h }, `${text} 签名`));
  }
  const out: Line[] = [{ style: SIGNER_STYLE, children, indentLeft: indent, before: pitch * SIGNING_EXTRA_LINES, signingTab: true }];
  if (l.note) out.push({ style: NOTE_STYLE, children: [plainRun(l.note)], indentLeft: indent });
  return out;
}

/** The name centred over the date, the date 右空四字, the seal circle kept clear above and below. */
function sealLines(sig: SignatureBlock, ctx: RenderContext): Line[] {
  const size = sizeOf(ctx, SIGNER_STYLE);
  const pitch = pitchOf(ctx);
  const dateRight = DATE_RIGHT_INDENT_CHARS * size;
  const nameRight = Math.max(0, dateRight + (estimateWidthPt(sig.date, size) - estimateWidthPt(sig.institution, size)) / 2);
  const top = SEAL_PT / 2 + SEAL_CENTRE_ABOVE_PT - pitch;
  const nameChildren: ParagraphChild[] = [plainRun(sig.institution)];
  // Offsets from a paragraph are measured from its top, space before included: that is the circle's top.
  if (sig.sealed && sig.sealImage) {
    const centreX = ctx.textWidthTwips / 20 - dateRight - estimateWidthPt(sig.date, size) / 2;
    nameChildren.push(floatingImage(sig.sealImage, { x: centreX - SEAL_PT / 2, y: 0, w: SEAL_PT, h: SEAL_PT }, `${sig.institution} 印章`) as ImageRun);
  }
  return [
    { style: SIGNER_STYLE, children: nameChildren, align: 'right', indentRight: ptToTwips(nameRight), before: top },
    { style: SIGNER_STYLE, children: [plainRun(sig.date)], align: 'right', indentRight: ptToTwips(dateRight), after: Math.max(0, SEAL_PT - top - 2 * pitch) },
  ];
}

function renderLine(line: Line, ctx: RenderContext, flags: FlowFlags): Paragraph {
  return new Paragraph({
    style: styleId(line.style),
    ...(line.align ? { alignment: AlignmentType.RIGHT } : {}),
    indent: { left: line.indentLeft ?? 0, right: line.indentRight ?? 0, firstLine: 0, firstLineChars: 0 },
    ...(line.signingTab ? { tabStops: [{ type: TabStopType.RIGHT, position: ctx.textWidthTwips, leader: LeaderType.UNDERSCORE }] } : {}),
    ...(line.before || line.after ? { spacing: { before: ptToTwips(line.before ?? 0), after: ptToTwips(line.after ?? 0) } } : {}),
    ...flowOptions(flags),
    children: line.children,
  });
}

export function renderSignature(sig: SignatureBlock, ctx: RenderContext, pageBreakBefore = false): Paragraph[] {
  const indent = signerIndentTwips(sig, ctx);
  const groups = sig.lines.map((l) => signerLines(l, indent, ctx, sig.sealed));
  const all: Line[] = [...groups.flat(), ...sealLines(sig, ctx)];
  // One body line of air between the last text and the first signer, unless that line would push the 落款 off the text's page.
  const first = all[0];
  if (first && !ctx.closingTight) first.before = (first.before ?? 0) + pitchOf(ctx);
  // Where the typesetter broke the 落款, Word may break too: between signers, never within the last two.
  const breakable = new Set(ctx.closingSplit ? groups.slice(0, Math.max(0, groups.length - SIGNERS_WITH_DATE)).map((g) => g[g.length - 1]) : []);
  return all.map((line, i) => renderLine(line, ctx, { keepLines: true, keepNext: i < all.length - 1 && !breakable.has(line), pageBreakBefore: i === 0 && pageBreakBefore }));
}
