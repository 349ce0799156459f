/**
 * Paragraph typesetting: inlines → atoms → broken lines → positioned glyph runs, then
 * lines → slices carrying the widow/orphan and keep-with-next rules.
 */
import type { StyleSheet } from '../../document/styles.js';
import type { Align, FontRole, Inline, Paragraph } from '../../document/tree.js';
import { slotFor } from './fonts.js';
import { breakLines, isStretchableGap, type LineRange } from './lineBreak.js';
import { baselineIn, linePitch } from './measure.js';
import type { Drawable, FaceSet, GlyphRun, Slice } from './model.js';
import { appendAtoms, type Atom, type WarningSink } from './text.js';

export interface LayoutContext {
  sheet: StyleSheet;
  faces: FaceSet;
  sink: WarningSink;
  /** Width of the text block, in points. */
  textWidth: number;
}

export interface TextStyle {
  font: FontRole;
  bold: boolean;
  sizePt: number;
  align: Align;
  /** First-line indent in points. */
  indent: number;
}

/** One typeset line: drawables relative to the line box's top-left. */
export interface TextLine {
  height: number;
  drawables: Drawable[];
  /** Last line of its paragraph (or of a segment ended by a hard line break). */
  last: boolean;
  justified: boolean;
}

export function plainText(inlines: readonly Inline[]): string {
  return inlines.map((inline) => (inline.kind === 'text' ? inline.text : '\n')).join('');
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

/** x of each atom in a line after alignment and justification. */
function positions(atoms: readonly Atom[], range: LineRange, width: number, align: Align, stretch: boolean): number[] {
  let natural = 0;
  for (let i = range.start; i < range.end; i++) natural += (atoms[i] as Atom).width;
  const extra = width - natural;
  let gaps = 0;
  if (stretch && extra > 0) {
    for (let i = range.start; i + 1 < range.end; i++) if (isStretchableGap(atoms[i] as Atom, atoms[i + 1] as Atom)) gaps++;
  }
  const perGap = gaps > 0 ? extra / gaps : 0;
  let x = align === 'center' ? Math.max(0, extra / 2) : align === 'right' ? Math.max(0, extra) : 0;
  const xs: number[] = [];
  for (let i = range.start; i < range.end; i++) {
    const atom = atoms[i] as Atom;
    xs.push(x);
    x += atom.width;
    const next = atoms[i + 1];
    if (perGap && next && i + 1 < range.end && isStretchableGap(atom, next)) x += perGap;
  }
  return xs;
}

function sameRun(run: GlyphRun | undefined, atom: Atom): run is GlyphRun {
  return !!run && run.face === atom.face && run.size === atom.size && run.italic === atom.italic;
}

/** Groups positioned atoms into glyph runs, marker boxes and underlines. */
function lineDrawables(atoms: readonly Atom[], range: LineRange, xs: number[], left: number, baseline: number): Drawable[] {
  const drawables: Drawable[] = [];
  let run: GlyphRun | undefined;
  for (let i = range.start; i < range.end; i++) {
    const atom = atoms[i] as Atom;
    const x = left + (xs[i - range.start] ?? 0);
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
    run.glyphs.push({ x, text: atom.text, advance: atom.width });
  }
  return drawables;
}

/** Typesets inlines into lines `width` wide; `left` shifts every line. */
export function typeset(inlines: readonly Inline[], style: TextStyle, width: number, ctx: LayoutContext, left = 0): TextLine[] {
  const pitch = linePitch(ctx.sheet, style.sizePt);
  const ascent = ctx.faces.metrics(ctx.faces.chain(slotFor(style.font, style.bold))[0] ?? 'serif').ascent;
  const baseline = baselineIn(pitch, style.sizePt, ascent);
  const indent = Math.min(style.indent, width / 2);
  const lines: TextLine[] = [];
  atomsOf(inlines, style, ctx).forEach((atoms, segment) => {
    const indentOf = (line: number) => (segment === 0 && line === 0 ? indent : 0);
    const ranges = breakLines(atoms, (line) => width - indentOf(line));
    ranges.forEach((range, n) => {
      const lineWidth = width - indentOf(n);
      const stretch = style.align === 'justify' && n < ranges.length - 1;
      const xs = positions(atoms, range, lineWidth, style.align, stretch);
      lines.push({ height: pitch, drawables: lineDrawables(atoms, range, xs, left + indentOf(n), baseline), last: n === ranges.length - 1, justified: stretch });
    });
  });
  return lines;
}

export function paragraphStyle(p: Paragraph, sheet: StyleSheet): TextStyle {
  const spec = sheet.paragraphs[p.style];
  return { font: spec.font, bold: spec.bold, sizePt: spec.sizePt, align: p.align ?? spec.align, indent: spec.indentChars * spec.sizePt };
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
