/**
 * Page content streams written as PDF operators directly: one TJ per glyph run, with
 * numeric offsets wherever justification or alignment moved a glyph from its natural
 * position. Layout's y-down coordinates are flipped here.
 */
import type { BoxMark, Drawable, FaceKey, GlyphRun, Placement, RuleLine } from './model.js';
import type { EmbeddedFace } from './embed.js';

/** Fixed-precision numbers so identical layouts give identical bytes. */
export function num(value: number): string {
  const rounded = Math.round(value * 1000) / 1000;
  return Object.is(rounded, -0) || !Number.isFinite(rounded) ? '0' : String(rounded);
}

/** Synthetic oblique for italic runs (CJK faces have no italic). */
const ITALIC_SHEAR = 0.2;

export class ContentWriter {
  private readonly parts: string[] = [];
  constructor(
    private readonly pageHeight: number,
    private readonly faces: Map<FaceKey, EmbeddedFace>,
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
    else this.box(d, dx, dy);
  }

  private glyphs(run: GlyphRun, dx: number, dy: number): void {
    const face = this.faces.get(run.face);
    const first = run.glyphs[0];
    if (!face || !first) return;
    let tj = '';
    let prevEnd = first.x;
    for (const g of run.glyphs) {
      const offset = ((g.x - prevEnd) * 1000) / run.size;
      if (Math.abs(offset) >= 0.001) tj += `${num(-offset)}`;
      tj += `<${face.codes.get(g.text) ?? '0000'}>`;
      prevEnd = g.x + g.advance;
    }
    const y = this.pageHeight - (dy + run.baseline);
    const shear = run.italic ? ITALIC_SHEAR : 0;
    this.parts.push(`BT /${face.name} ${num(run.size)} Tf 1 0 ${num(shear)} 1 ${num(dx + first.x)} ${num(y)} Tm [${tj}] TJ ET`);
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
