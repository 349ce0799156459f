/**
 * The 落款, laid out with real room for signing and sealing:
 * - each signer as 「role：name」 with a signing space to its right (at least 45 mm wide, a line
 *   and a half tall, on a thin signature line, the lines of all signers starting at one
 *   column) and the certificate note under it in small text — in a compact 落款 the note
 *   stands beside the name where every signing line keeps its full width, and then the
 *   signing room is the line itself (a note under the name keeps the room above the next line);
 * - the institution's name centred over the date, the date set right with four characters'
 *   indent (GB/T 9704 右空四字), both in the lower middle of a 42 mm seal circle that
 *   covers no other text: the block reserves the whole circle.
 * Finals mark the signing spaces and the seal as unsigned signature fields (`jianding sign`
 * fills them) and carry the optional signature and seal images; drafts keep the same room.
 */
import type { Inline, SignatureBlock, SignatureLine } from '../../document/tree.js';
import { type CompactClosing, COMPACT_NOTES_BELOW_EXTRA_LINES, COMPACT_SIGNING_EXTRA_LINES, DATE_RIGHT_INDENT_CHARS, SEAL_CENTRE_ABOVE_PT, SEAL_DIAMETER_PT, SIGNING_EXTRA_LINES, SIGNING_WIDTH_PT, signerText, SIGNERS_WITH_DATE } from '../../document/signaturePlaces.js';
import { shiftAll } from './drawables.js';
import type { Drawable, Slice } from './model.js';
import { typeset, type LayoutContext, type TextStyle } from './paragraph.js';
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

/** Natural width of a one-line string. */
function naturalWidth(value: string, style: TextStyle, ctx: LayoutContext): number {
  const runStyle = { slot: slotFor(style.font, style.bold), size: style.sizePt, italic: false, underline: false };
  let width = 0;
  for (const ch of value) width += atomFor(ctx.faces, runStyle, ch)?.width ?? style.sizePt;
  return width;
}

/** A signer's 「role：name」 and note (undefined without one), measured once per 落款: its layout needs them several times. */
interface SignerWidths {
  name: number;
  note: number | undefined;
}

function signerWidths(block: SignatureBlock, ctx: LayoutContext): SignerWidths[] {
  const { body, small } = styles(ctx);
  return block.lines.map((l) => ({ name: naturalWidth(signerText(l), body, ctx), note: l.note ? naturalWidth(l.note, small, ctx) : undefined }));
}

/** The gap between a signer's name and the note set beside it in a compact 落款. */
const noteGap = (ctx: LayoutContext): number => styles(ctx).small.sizePt / 2;

/** Width of what stands left of the signing line: 「role：name」, and the note when it stands beside it. */
function labelWidth(w: SignerWidths, beside: boolean, ctx: LayoutContext): number {
  return beside && w.note !== undefined ? w.name + noteGap(ctx) + w.note : w.name;
}

function widestLabel(widths: readonly SignerWidths[], beside: boolean, ctx: LayoutContext): number {
  return Math.max(0, ...widths.map((w) => labelWidth(w, beside, ctx)));
}

/** A compact 落款 sets the notes beside the names where every signing line still gets its full width. */
function notesBeside(widths: readonly SignerWidths[], ctx: LayoutContext): boolean {
  if (!ctx.compactClosing) return false;
  return widestLabel(widths, true, ctx) + styles(ctx).body.sizePt + SIGNING_WIDTH_PT <= ctx.textWidth;
}

/** The signer column: as far right as the widest label plus its signing space allows (and the notes under the names), at most mid-page. */
function signerColumn(widths: readonly SignerWidths[], label: number, beside: boolean, ctx: LayoutContext): number {
  const notesBelow = beside ? 0 : Math.max(0, ...widths.map((w) => w.note ?? 0));
  const widest = Math.max(label + styles(ctx).body.sizePt + SIGNING_WIDTH_PT, notesBelow);
  return Math.max(0, Math.min(ctx.textWidth / 2, ctx.textWidth - widest));
}

const baselineOf = (drawables: readonly Drawable[]): number => drawables.find((d) => d.kind === 'glyphs')?.baseline ?? 0;

/** The note in small text on the signer's own line (compact 落款), on the name's baseline. */
function noteBeside(signer: SignatureLine, name: number, line: { drawables: Drawable[] }, left: number, ctx: LayoutContext): Drawable[] {
  const { small } = styles(ctx);
  const x = left + name + noteGap(ctx);
  const [note] = signer.note ? typeset(text(signer.note), small, ctx.textWidth - x, ctx, x) : [];
  return note ? shiftAll(note.drawables, 0, baselineOf(line.drawables) - baselineOf(note.drawables)) : [];
}

function slice(height: number, drawables: Drawable[]): Slice {
  return { height, spaceBefore: 0, spaceAfter: 0, keepWithNext: true, drawables, textLines: 1 };
}

/** Where every signing line starts: one em after the widest label, so the lines align. */
function signingLineX(left: number, label: number, ctx: LayoutContext): number {
  return left + label + styles(ctx).body.sizePt;
}

interface Columns { left: number; x: number; beside: boolean }

function signerSlices(signer: SignatureLine, widths: SignerWidths, index: number, block: SignatureBlock, { left, x, beside }: Columns, ctx: LayoutContext): Slice[] {
  const { body, small } = styles(ctx);
  const [line] = typeset(text(signerText(signer)), body, ctx.textWidth - left, ctx, left);
  if (!line) return [];
  // With the note under the name, the next signer's handwriting needs room above its line: half of it when compact.
  const extra = line.height * (beside ? COMPACT_SIGNING_EXTRA_LINES : ctx.compactClosing ? COMPACT_NOTES_BELOW_EXTRA_LINES : SIGNING_EXTRA_LINES);
  const height = line.height + extra;
  const w = Math.max(0, ctx.textWidth - x);
  const baseline = extra + line.height * 0.8;
  const note = beside ? noteBeside(signer, widths.name, line, left, ctx) : [];
  const drawables: Drawable[] = [...shiftAll([...line.drawables, ...note], 0, extra)];
  drawables.push({ kind: 'rule', x1: x, x2: x + w, y1: baseline, y2: baseline, width: 0.4 });
  if (block.sealed) {
    drawables.push({ kind: 'field', name: `signer-${index + 1}`, tooltip: signerText(signer), x, y: 0, w, h: baseline });
    if (signer.image) drawables.push({ kind: 'image', data: signer.image, x, y: 0, w, h: baseline });
  }
  const out: Slice[] = [{ ...slice(height, drawables), signature: 'signer' }];
  const below = signer.note && !beside ? typeset(text(signer.note), small, ctx.textWidth - left, ctx, left) : [];
  for (const note of below) out.push(slice(note.height, note.drawables));
  return out;
}

/** The institution's name centred over the date, inside the reserved seal circle. */
function sealSlice(block: SignatureBlock, ctx: LayoutContext): Slice {
  const { body } = styles(ctx);
  const dateWidth = naturalWidth(block.date, body, ctx);
  const dateRight = ctx.textWidth - DATE_RIGHT_INDENT_CHARS * body.sizePt;
  const centreX = dateRight - dateWidth / 2;
  const nameWidth = naturalWidth(block.institution, body, ctx);
  const nameLeft = Math.max(0, Math.min(centreX - nameWidth / 2, ctx.textWidth - nameWidth));
  const [name] = typeset(text(block.institution), body, ctx.textWidth - nameLeft, ctx, nameLeft);
  const [date] = typeset(text(block.date), body, dateWidth + 1, ctx, dateRight - dateWidth);
  const pitch = name?.height ?? body.sizePt * 1.5;
  const d = SEAL_DIAMETER_PT;
  // Circle centre a little above the middle of the two lines; the block spans the whole circle.
  const top = d / 2 - (pitch - SEAL_CENTRE_ABOVE_PT);
  const drawables: Drawable[] = [...shiftAll(name?.drawables ?? [], 0, top), ...shiftAll(date?.drawables ?? [], 0, top + pitch)];
  const seal = { x: Math.min(centreX - d / 2, ctx.textWidth - d), y: 0, w: d, h: d };
  if (block.sealed) {
    drawables.push({ kind: 'field', name: 'seal', tooltip: `${block.institution}（印章）`, ...seal });
    if (block.sealImage) drawables.push({ kind: 'image', data: block.sealImage, ...seal });
  }
  return { ...slice(d, drawables), signature: 'date' };
}

/** How the 落款 is set: compact, with the notes beside the names or under them, or full (false). */
function closingForm(beside: boolean, ctx: LayoutContext): CompactClosing {
  if (!ctx.compactClosing) return false;
  return beside ? 'notesBeside' : 'notesBelow';
}

export function signatureSlices(block: SignatureBlock, ctx: LayoutContext): Slice[] {
  const widths = signerWidths(block, ctx);
  const beside = notesBeside(widths, ctx);
  const label = widestLabel(widths, beside, ctx);
  const left = signerColumn(widths, label, beside, ctx);
  const columns = { left, x: signingLineX(left, label, ctx), beside };
  const blank = ctx.compactClosing ? undefined : typeset([], styles(ctx).body, ctx.textWidth, ctx)[0];
  const opening: Slice = { ...slice(blank?.height ?? 0, []), signature: 'start', closingForm: closingForm(beside, ctx) };
  const slices = [opening];
  block.lines.forEach((signer, i) => {
    const group = signerSlices(signer, widths[i] as SignerWidths, i, block, columns, ctx);
    const end = group[group.length - 1];
    // Only a 落款 taller than a page may break, and never within the last two signers and the date.
    if (end && i < block.lines.length - SIGNERS_WITH_DATE) end.softBreak = true;
    slices.push(...group);
  });
  slices.push(sealSlice(block, ctx));
  const last = slices[slices.length - 1];
  if (last) last.keepWithNext = false;
  return slices;
}
