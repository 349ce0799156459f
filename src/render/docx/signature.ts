/**
 * The 落款 in Word, the same places as the PDF's (render/pdf/signature.ts): each signer's
 * 「role：name」 followed by a signing line (a tab to the column where every signer's line
 * starts, then an underscore leader to the right margin, with room above it for the
 * handwriting; less room in a compact 落款), the certificate note in small text, then
 * the institution's name centred over the date (右空四字) with the seal's 42 mm kept clear
 * above and below. Optional seal and signature images float in those places. All of it
 * keeps together and with the text before it (see document/keepChain.ts), unless the typesetter had
 * to break it between signers.
 */
import { AlignmentType, LeaderType, Paragraph, TabStopType, TextRun, type ImageRun, type ParagraphChild } from 'docx';
import type { ParagraphStyle, SignatureBlock, SignatureLine } from '../../document/tree.js';
import { COMPACT_NOTES_BELOW_EXTRA_LINES, COMPACT_SIGNING_EXTRA_LINES, DATE_RIGHT_INDENT_CHARS, SEAL_CENTRE_ABOVE_PT, SEAL_DIAMETER_PT as SEAL_PT, SIGNERS_WITH_DATE, SIGNING_EXTRA_LINES, SIGNING_WIDTH_PT as SIGNING_PT, signerText } from '../../document/signaturePlaces.js';
import type { FlowFlags, RenderContext } from './context.js';
import { floatingImage } from './images.js';
import { plainRun, tabRun } from './inlines.js';
import { flowOptions } from './paragraphs.js';
import { estimateWidthPt, linePitchPt, ptToHalfPoints, ptToTwips } from './units.js';
import { xmlSafeText } from '../xmlSafe.js';
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
  /** The signing line's start (twips from the text's left edge): a left tab there, then the leader tab to the margin. */
  signingTab?: number;
}

const sizeOf = (ctx: RenderContext, s: ParagraphStyle): number => ctx.sheet.paragraphs[s].sizePt;
const pitchOf = (ctx: RenderContext): number => linePitchPt(ctx.sheet, sizeOf(ctx, SIGNER_STYLE));

/** Left indent of the signer lines (twips): the widest name plus its signing space fits, at most mid-page. */
function signerIndentTwips(sig: SignatureBlock, ctx: RenderContext, beside: boolean): number {
  const textWidthPt = ctx.textWidthTwips / 20;
  const size = sizeOf(ctx, SIGNER_STYLE);
  const widths = sig.lines.flatMap((l) => [
    labelWidthPt(l, beside, ctx) + size + SIGNING_PT,
    l.note && !beside ? estimateWidthPt(l.note, sizeOf(ctx, NOTE_STYLE)) : 0,
  ]);
  const widest = widths.reduce((a, b) => Math.max(a, b), 0);
  return ptToTwips(Math.min(Math.max(0, textWidthPt - widest), textWidthPt / 2));
}

/** Width of what stands left of the signing line: 「role：name」, and in a compact 落款 the note beside it (as in the PDF). */
function labelWidthPt(l: SignatureLine, beside: boolean, ctx: RenderContext): number {
  const size = sizeOf(ctx, SIGNER_STYLE);
  const note = beside && l.note ? sizeOf(ctx, NOTE_STYLE) / 2 + estimateWidthPt(l.note, sizeOf(ctx, NOTE_STYLE)) : 0;
  return estimateWidthPt(signerText(l), size) + note;
}

/** Where every signing line starts (pt from the text's left edge): one em after the widest label, as in the PDF. */
function signingLineX(sig: SignatureBlock, indent: number, beside: boolean, ctx: RenderContext): number {
  return indent / 20 + Math.max(0, ...sig.lines.map((l) => labelWidthPt(l, beside, ctx))) + sizeOf(ctx, SIGNER_STYLE);
}

/** Whether the notes stand beside the names: the typesetter decided it, measuring the real glyphs. */
const notesBeside = (ctx: RenderContext): boolean => ctx.closing?.compact === 'notesBeside';

/** The note in small text beside the name (compact 落款): the run states only its size, the style gives the rest. */
function noteRun(note: string, ctx: RenderContext): TextRun {
  return new TextRun({ text: xmlSafeText(` ${note}`), size: ptToHalfPoints(sizeOf(ctx, NOTE_STYLE)) });
}

function signerLines(l: SignatureLine, indent: number, lineX: number, beside: boolean, ctx: RenderContext, sealed: boolean): Line[] {
  const pitch = pitchOf(ctx);
  const text = signerText(l);
  // With the note under the name, the next signer's handwriting needs room above its line: half of it when compact.
  const extra = beside ? COMPACT_SIGNING_EXTRA_LINES : ctx.closing?.compact ? COMPACT_NOTES_BELOW_EXTRA_LINES : SIGNING_EXTRA_LINES;
  const note = beside && l.note ? [noteRun(l.note, ctx)] : [];
  // One tab to the column where all signing lines start, a second along an underscore leader to the right margin.
  const children: ParagraphChild[] = [plainRun(text), ...note, tabRun(), tabRun()];
  if (sealed && l.image) {
    const h = pitch * (1 + extra) * 0.8;
    children.push(floatingImage(l.image, { x: lineX, y: 0, w: Math.max(0, ctx.textWidthTwips / 20 - lineX), h }, `${text} 签名`));
  }
  const out: Line[] = [{ style: SIGNER_STYLE, children, indentLeft: indent, before: pitch * extra, signingTab: ptToTwips(lineX) }];
  if (l.note && !beside) out.push({ style: NOTE_STYLE, children: [plainRun(l.note)], indentLeft: indent });
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
    ...(line.signingTab !== undefined ? { tabStops: [{ type: TabStopType.LEFT, position: line.signingTab }, { type: TabStopType.RIGHT, position: ctx.textWidthTwips, leader: LeaderType.UNDERSCORE }] } : {}),
    ...(line.before || line.after ? { spacing: { before: ptToTwips(line.before ?? 0), after: ptToTwips(line.after ?? 0) } } : {}),
    ...flowOptions(flags),
    children: line.children,
  });
}

export function renderSignature(sig: SignatureBlock, ctx: RenderContext, pageBreakBefore = false): Paragraph[] {
  const beside = notesBeside(ctx);
  const indent = signerIndentTwips(sig, ctx, beside);
  const lineX = signingLineX(sig, indent, beside, ctx);
  const groups = sig.lines.map((l) => signerLines(l, indent, lineX, beside, ctx, sig.sealed));
  const all: Line[] = [...groups.flat(), ...sealLines(sig, ctx)];
  // One body line of air between the last text and the first signer, unless that line would push the 落款 off the text's page.
  const first = all[0];
  if (first && !ctx.closing?.tight && !ctx.closing?.compact) first.before = (first.before ?? 0) + pitchOf(ctx);
  // Where the typesetter broke the 落款, Word may break too: between signers, never within the last two.
  const breakable = new Set(ctx.closing?.split ? groups.slice(0, Math.max(0, groups.length - SIGNERS_WITH_DATE)).map((g) => g[g.length - 1]) : []);
  return all.map((line, i) => renderLine(line, ctx, { keepLines: true, keepNext: i < all.length - 1 && !breakable.has(line), pageBreakBefore: i === 0 && pageBreakBefore }));
}
