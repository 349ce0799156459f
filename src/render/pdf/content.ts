/**
 * Page content streams written as PDF operators directly: one TJ per glyph run, the gap
 * most of its glyphs share as character spacing, and numeric offsets wherever layout moved
 * a glyph by another amount. Layout's y-down coordinates are flipped here.
 */
import type { BoxMark, Drawable, FaceKey, FillMark, GlyphRun, ImageMark, PlacedGlyph, Placement, RuleLine } from './model.js';
import type { EmbeddedFace } from './embed.js';

/** Three decimals, no -0 and nothing non-finite: what num() writes, as a number. */
function round3(value: number): number {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) || !Number.isFinite(rounded) ? 0 : rounded;
}

/** Fixed-precision numbers so identical layouts give identical bytes. */
export function num(value: number): string {
  return String(round3(value));
}

/** Synthetic oblique for italic runs (CJK faces have no italic). */
const ITALIC_SHEAR = 0.2;

/**
 * The TJ number of each gap between neighbouring glyphs: how far layout moved the glyph from
 * its natural position, in thousandths of the font size, negated as TJ wants, and rounded as
 * num() writes numbers.
 */
function gapAdjustments(run: GlyphRun): number[] {
  const gaps: number[] = [];
  for (let i = 1; i < run.glyphs.length; i++) {
    const prev = run.glyphs[i - 1] as PlacedGlyph;
    const offset = (((run.glyphs[i] as PlacedGlyph).x - prev.x - prev.advance) * 1000) / run.size;
    gaps.push(round3(-offset));
  }
  return gaps;
}

/**
 * The gap most glyphs share, written once as character spacing (Tc) instead of after every
 * glyph: a justified line of Chinese spreads its extra space evenly, so this usually removes
 * every number from its TJ array. 0 when no gap repeats.
 */
function mostFrequentGap(gaps: readonly number[]): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestCount = 1;
  for (const gap of gaps) {
    const count = (counts.get(gap) ?? 0) + 1;
    counts.set(gap, count);
    if (gap !== 0 && count > bestCount) [best, bestCount] = [gap, count];
  }
  return (counts.get(0) ?? 0) >= bestCount ? 0 : best;
}

export class ContentWriter {
  private readonly parts: string[] = [];
  /** Tc in force: text state outlives BT…ET within a content stream. */
  private charSpacing = '0';
  constructor(
    private readonly pageHeight: number,
    private readonly faces: Map<FaceKey, EmbeddedFace>,
    /** The page's resource name of an image (registered by the drawing step). */
    private readonly imageName: (image: Uint8Array) => string = () => '',
  ) {}

  raw(operators: string): void {
    this.parts.push(operators);
  }

  placement(p: Placement): void {
    for (const d of p.drawables) this.drawable(d, p.dx, p.dy);
  }

  private drawable(d: Drawable, dx: number, dy: number): void {
    if (d.kind === 'glyphs') this.glyphs(d, dx, dy);
    else if (d.kind === 'rule') this.rule(d, dx, dy);
    else if (d.kind === 'box') this.box(d, dx, dy);
    else if (d.kind === 'fill') this.fill(d, dx, dy);
    else if (d.kind === 'image') this.image(d, dx, dy);
    // A field is no ink: drawDocument turns it into an unsigned signature field.
  }

  private fill(f: FillMark, dx: number, dy: number): void {
    const h = this.pageHeight;
    const rects = f.rects.map(([x, y, w, rh]) => `${num(dx + x)} ${num(h - dy - y - rh)} ${num(w)} ${num(rh)} re`);
    this.parts.push(`${rects.join(' ')} f`);
  }

  private image(m: ImageMark, dx: number, dy: number): void {
    const name = this.imageName(m.data);
    if (!name) return;
    const y = this.pageHeight - (dy + m.y + m.h);
    this.parts.push(`q ${num(m.w)} 0 0 ${num(m.h)} ${num(dx + m.x)} ${num(y)} cm /${name} Do Q`);
  }

  private glyphs(run: GlyphRun, dx: number, dy: number): void {
    const face = this.faces.get(run.face);
    const first = run.glyphs[0];
    if (!face || !first) return;
    const gaps = gapAdjustments(run);
    const common = mostFrequentGap(gaps);
    // Tc adds the common gap after every glyph, to the digit (no rounding); TJ numbers correct the other gaps.
    const spacing = common === 0 ? '0' : ((-common * run.size) / 1000).toFixed(9).replace(/\.?0+$/, '');
    let tj = '';
    let hex = '';
    run.glyphs.forEach((g, i) => {
      const adjust = i === 0 ? 0 : (gaps[i - 1] as number) - common;
      if (adjust !== 0) {
        tj += `<${hex}>${num(adjust)}`;
        hex = '';
      }
      hex += face.codes.get(g.text) ?? '0000';
    });
    tj += `<${hex}>`;
    const y = this.pageHeight - (dy + run.baseline);
    const shear = run.italic ? ITALIC_SHEAR : 0;
    const tc = spacing === this.charSpacing ? '' : `${spacing} Tc `;
    this.charSpacing = spacing;
    this.parts.push(`BT /${face.name} ${num(run.size)} Tf ${tc}1 0 ${num(shear)} 1 ${num(dx + first.x)} ${num(y)} Tm [${tj}] TJ ET`);
  }

  private rule(r: RuleLine, dx: number, dy: number): void {
    const h = this.pageHeight;
    this.parts.push(`${num(r.width)} w ${num(dx + r.x1)} ${num(h - dy - r.y1)} m ${num(dx + r.x2)} ${num(h - dy - r.y2)} l S`);
  }

  private box(b: BoxMark, dx: number, dy: number): void {
    const y = this.pageHeight - (dy + b.y + b.h);
    this.parts.push(`${num(b.width)} w ${num(dx + b.x)} ${num(y)} ${num(b.w)} ${num(b.h)} re S`);
  }

  toString(): string {
    return this.parts.join('\n');
  }
}
