/**
 * The diagonal watermark (征求意见稿, 样本): planned here, drawn by draw.ts as filled glyph
 * outlines — vector art rather than text, so it never pollutes copied or extracted text.
 */
import { slotFor } from './fonts.js';
import type { PageGeometry } from './geometry.js';
import type { WatermarkPlan } from './model.js';
import type { LayoutContext } from './paragraph.js';
import { appendAtoms, type Atom } from './text.js';

/** The text spans this share of the page diagonal, and its size at most this share of the width. */
const DIAGONAL_SHARE = 0.6;
const MAX_SIZE_SHARE = 0.25;

export function planWatermark(value: string, geometry: PageGeometry, ctx: LayoutContext): WatermarkPlan | undefined {
  const segments: Atom[][] = [];
  const style = { slot: slotFor('hei', false), size: 1, italic: false, underline: false };
  appendAtoms(segments, value.replace(/\s+/g, ' ').trim(), style, ctx.faces, ctx.sink, value, 0);
  const atoms = segments.flat().filter((a) => !a.box && a.text !== ' ');
  const ems = atoms.reduce((w, a) => w + a.width, 0);
  if (atoms.length === 0 || ems <= 0) return undefined;
  const diagonal = Math.hypot(geometry.width, geometry.height);
  const size = Math.min((DIAGONAL_SHARE * diagonal) / ems, MAX_SIZE_SHARE * geometry.width);
  const ascent = ctx.faces.metrics(atoms[0]!.face).ascent;
  let x = (-ems * size) / 2;
  const glyphs = atoms.map((atom) => {
    const glyph = { text: atom.text, face: atom.face, x };
    x += atom.width * size;
    return glyph;
  });
  return {
    glyphs,
    size,
    cx: geometry.width / 2,
    cy: geometry.height / 2,
    angle: Math.atan2(geometry.height, geometry.width),
    baseline: -(ascent - 0.5) * size,
  };
}
