/**
 * Paragraph typesetting: inlines → atoms → broken lines → positioned glyph runs, then
 * lines → slices carrying the widow/orphan and keep-with-next rules.
 */
import { plainText } from '../../document/plainText.js';
import type { StyleSheet } from '../../document/styles.js';
import type { Align, FontRole, Inline, Paragraph } from '../../document/tree.js';
import { slotFor } from './fonts.js';
import { breakHeading, breakLines, breakTitle, isStretchableGap, squeezableAt, type BreakOptions, type LineRange } from './lineBreak.js';
import { compressAdjacent, punctSide, squeezeLeft } from './punctuation.js';
import { baselineIn, linePitch } from './measure.js';
import type { Drawable, FaceSet, GlyphRun, Slice } from './model.js';
import { appendAtoms, type Atom, type WarningSink } from './text.js';

export interface LayoutContext {
  sheet: StyleSheet;
  faces: FaceSet;
  sink: WarningSink;
  /** Width of the text block, in points. */
  textWidth: number;
  /** Set the 落款 compact (signaturePlaces: COMPACT_SIGNING_EXTRA_LINES, no blank line above it). */
  compactClosing?: boolean;
}

export interface TextStyle {
  font: FontRole;
  bold: boolean;
  sizePt: number;
  align: Align;
  /** First-line indent in points. */
  indent: number;
  /** Wrap into lines of similar length (headings and titles). */
  balance?: boolean;
}

/** One typeset line: drawables relative to the line box's top-left. */
export interface TextLine {
  height: number;
  drawables: Drawable[];
  /** Last line of its paragraph (or of a segment ended by a hard line break). */
  last: boolean;
  justified: boolean;
}

function atomsOf(inlines: readonly Inline[], style: TextStyle, ctx: LayoutContext): Atom[][] {
  const segments: Atom[][] = [[]];
  const text = plainText(inlines);
  let offset = 0;
  for (const inline of inlines) {
    if (inline.kind === 'lineBreak') {
      segments.push([]);
      offset += 1;
      continue;
    }
    const slot = slotFor(inline.font ?? style.font, inline.bold ?? style.bold);
    const runStyle = { slot, size: style.sizePt, italic: inline.italic ?? false, underline: inline.underline ?? false };
    appendAtoms(segments, inline.text, runStyle, ctx.faces, ctx.sink, text, offset);
    offset += inline.text.length;
  }
  return segments;
}

/** Where an atom's glyph is drawn and its natural advance (compressed marks draw wider than their box). */
interface GlyphPlace {
  x: number;
  advance: number;
}

/**
 * Compression at the line's edges is undone (a pair split by the break), where the mark's box
 * would leave the text block: what the atom at `i` gets back on its left and on its right.
 */
function restoredLeft(atom: Atom, i: number, range: LineRange, edges: boolean): number {
  return !edges && i === range.start ? atom.trimLeft ?? 0 : 0;
}

function restoredRight(atom: Atom, i: number, range: LineRange, edges: boolean): number {
  return !edges && i === range.end - 1 ? atom.trimRight ?? 0 : 0;
}

/** An atom's box width in the line [start, end). */
function boxWidth(atom: Atom, i: number, range: LineRange, edges: boolean): number {
  return atom.width + restoredLeft(atom, i, range, edges) + restoredRight(atom, i, range, edges);
}

/** The glyph's own advance: its box plus what compression and tightening took off. */
function naturalAdvance(atom: Atom): number {
  return atom.width + (atom.trimLeft ?? 0) + (atom.trimRight ?? 0) + (atom.tightLeft ?? 0) + (atom.tightRight ?? 0);
}

/** Compression ratio (0…1) of a line set wider than `width`, taken from its marks' blank halves. */
function squeezeRatio(atoms: readonly Atom[], range: LineRange, natural: number, width: number, edges: boolean): number {
  if (natural <= width) return 0;
  let shrink = 0;
  for (let i = range.start; i < range.end; i++) shrink += squeezableAt(atoms, i, range.start, range.end, edges);
  return shrink > 0 ? Math.min(1, (natural - width) / shrink) : 0;
}

/** Glyph places in a line after punctuation compression, alignment and justification. */
function positions(atoms: readonly Atom[], range: LineRange, width: number, align: Align, stretch: boolean, edges: boolean): GlyphPlace[] {
  const { start, end } = range;
  let natural = 0;
  for (let i = start; i < end; i++) natural += boxWidth(atoms[i] as Atom, i, range, edges);
  const ratio = squeezeRatio(atoms, range, natural, width, edges);
  const squeezed = (i: number) => (ratio === 0 ? 0 : ratio * squeezableAt(atoms, i, start, end, edges));
  let set = 0;
  for (let i = start; i < end; i++) set += boxWidth(atoms[i] as Atom, i, range, edges) - squeezed(i);
  const extra = width - set;
  let gaps = 0;
  if (stretch && extra > 0) {
    for (let i = start; i + 1 < end; i++) if (isStretchableGap(atoms[i] as Atom, atoms[i + 1] as Atom)) gaps++;
  }
  const perGap = gaps > 0 ? extra / gaps : 0;
  let x = align === 'center' ? Math.max(0, extra / 2) : align === 'right' ? Math.max(0, extra) : 0;
  const places: GlyphPlace[] = [];
  for (let i = start; i < end; i++) {
    const atom = atoms[i] as Atom;
    const trimLeft = (atom.trimLeft ?? 0) - restoredLeft(atom, i, range, edges);
    const leftTrim = trimLeft + (atom.opening ? squeezed(i) : 0) + (atom.tightLeft ?? 0);
    places.push({ x: x - leftTrim, advance: naturalAdvance(atom) });
    x += boxWidth(atom, i, range, edges) - squeezed(i);
    const next = atoms[i + 1];
    if (perGap && next && i + 1 < end && isStretchableGap(atom, next)) x += perGap;
  }
  return places;
}

function sameRun(run: GlyphRun | undefined, atom: Atom): run is GlyphRun {
  return !!run && run.face === atom.face && run.size === atom.size && run.italic === atom.italic;
}

/** Groups positioned atoms into glyph runs, marker boxes and underlines. */
function lineDrawables(atoms: readonly Atom[], range: LineRange, places: GlyphPlace[], left: number, baseline: number): Drawable[] {
  const drawables: Drawable[] = [];
  let run: GlyphRun | undefined;
  for (let i = range.start; i < range.end; i++) {
    const atom = atoms[i] as Atom;
    const place = places[i - range.start] as GlyphPlace;
    const x = left + place.x;
    if (atom.underline) drawables.push({ kind: 'rule', x1: x, x2: x + atom.width, y1: baseline + atom.size * 0.12, y2: baseline + atom.size * 0.12, width: atom.size * 0.05 });
    if (atom.box) {
      run = undefined;
      drawables.push({ kind: 'box', x: x + atom.size * 0.1, y: baseline - atom.size * 0.8, w: atom.size * 0.8, h: atom.size * 0.8, width: atom.size * 0.05 });
      continue;
    }
    if (!sameRun(run, atom)) {
      run = { kind: 'glyphs', face: atom.face, size: atom.size, italic: atom.italic, baseline, glyphs: [] };
      drawables.push(run);
    }
    run.glyphs.push({ x, text: atom.text, advance: place.advance });
  }
  return drawables;
}

function prepareAtoms(atoms: Atom[]): Atom[] {
  compressAdjacent(atoms);
  for (const atom of atoms) {
    atom.shrink = squeezeLeft(atom);
    atom.opening = punctSide(atom) === 'opening';
  }
  return atoms;
}

/** Typesets inlines into lines `width` wide; `left` shifts every line. */
export function typeset(inlines: readonly Inline[], style: TextStyle, width: number, ctx: LayoutContext, left = 0): TextLine[] {
  const pitch = linePitch(ctx.sheet, style.sizePt);
  const ascent = ctx.faces.metrics(ctx.faces.chain(slotFor(style.font, style.bold))[0]!).ascent;
  const baseline = baselineIn(pitch, style.sizePt, ascent);
  const indent = Math.min(style.indent, width / 2);
  const lines: TextLine[] = [];
  const options: BreakOptions = { em: style.sizePt, avoidRunts: style.align !== 'right' };
  atomsOf(inlines, style, ctx).forEach((segmentAtoms, segment) => {
    const atoms = prepareAtoms(segmentAtoms);
    const indentOf = (line: number) => (segment === 0 && line === 0 ? indent : 0);
    const widthOf = (line: number) => width - indentOf(line);
    const ranges = !style.balance
      ? breakLines(atoms, widthOf, options)
      : style.align === 'center'
        ? breakTitle(atoms, widthOf, options)
        : breakHeading(atoms, widthOf, options);
    ranges.forEach((range, n) => {
      const lineWidth = width - indentOf(n);
      const stretch = style.align === 'justify' && n < ranges.length - 1;
      const xs = positions(atoms, range, lineWidth, style.align, stretch, options.compressLineEdges ?? false);
      lines.push({ height: pitch, drawables: lineDrawables(atoms, range, xs, left + indentOf(n), baseline), last: n === ranges.length - 1, justified: stretch });
    });
  });
  return lines;
}

/** Styles whose wrapped lines are balanced rather than filled. */
const BALANCED = new Set<Paragraph['style']>(['heading1', 'heading2', 'heading3', 'title', 'coverTitle', 'declarationTitle']);

export function paragraphStyle(p: Paragraph, sheet: StyleSheet): TextStyle {
  const spec = sheet.paragraphs[p.style];
  return { font: spec.font, bold: spec.bold, sizePt: spec.sizePt, align: p.align ?? spec.align, indent: spec.indentChars * spec.sizePt, balance: BALANCED.has(p.style) };
}

/** Whether a page break may follow line `k` (1-based) of `n`: two lines on each side. */
export function breakAllowedAfterLine(k: number, n: number): boolean {
  return k >= 2 && n - k >= 2;
}

export function lineSlices(lines: readonly TextLine[], spaceBefore: number, spaceAfter: number, keepTogether: boolean, keepWithNext: boolean): Slice[] {
  return lines.map((line, i) => {
    const last = i === lines.length - 1;
    return {
      height: line.height,
      spaceBefore: i === 0 ? spaceBefore : 0,
      spaceAfter: last ? spaceAfter : 0,
      keepWithNext: last ? keepWithNext : keepTogether || !breakAllowedAfterLine(i + 1, lines.length),
      drawables: line.drawables,
      textLines: 1,
      line: { last: line.last, justified: line.justified },
    };
  });
}

export function paragraphSlices(p: Paragraph, ctx: LayoutContext): Slice[] {
  const spec = ctx.sheet.paragraphs[p.style];
  const keep = p.keepWithNext ?? spec.keepWithNext;
  const lines = typeset(p.inlines, paragraphStyle(p, ctx.sheet), ctx.textWidth, ctx);
  // Headings never split; their last line stays with what follows.
  return lineSlices(lines, spec.spaceBeforePt, spec.spaceAfterPt, keep, keep);
}
