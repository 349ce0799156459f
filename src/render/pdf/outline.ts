/**
 * Glyph outlines as PDF path operators, for the watermark. TrueType quadratic curves
 * become cubic ones (PDF has no quadratic operator).
 */
import type { Font } from 'fontkit';
import { num } from './content.js';
import { horizontalMetrics } from './fontProgram/sfntMetrics.js';
import { ensureGlyph } from './fontProgram/sparseFont.js';
import { isInvisibleJoiner } from './measure.js';

/** Path operators for `text` with its pen at (x, baseline), in points (y up). */
export function outlineOperators(font: Font, bytes: Uint8Array, text: string, size: number, x: number, baseline: number): string {
  const metrics = horizontalMetrics(bytes);
  const scale = size / font.unitsPerEm;
  const ops: string[] = [];
  let pen = x;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (isInvisibleJoiner(cp)) continue;
    const glyph = font.glyphForCodePoint(cp);
    ensureGlyph(bytes, glyph.id);
    const px = (gx: number) => num(pen + gx * scale);
    const py = (gy: number) => num(baseline + gy * scale);
    let cx = 0;
    let cy = 0;
    for (const { command, args } of glyph.path.commands) {
      const a = args.map((v) => v ?? 0);
      if (command === 'moveTo' || command === 'lineTo') {
        ops.push(`${px(a[0] ?? 0)} ${py(a[1] ?? 0)} ${command === 'moveTo' ? 'm' : 'l'}`);
        [cx, cy] = [a[0] ?? 0, a[1] ?? 0];
      } else if (command === 'quadraticCurveTo') {
        const [qx = 0, qy = 0, ex = 0, ey = 0] = a;
        const c1x = cx + (2 / 3) * (qx - cx);
        const c1y = cy + (2 / 3) * (qy - cy);
        const c2x = ex + (2 / 3) * (qx - ex);
        const c2y = ey + (2 / 3) * (qy - ey);
        ops.push(`${px(c1x)} ${py(c1y)} ${px(c2x)} ${py(c2y)} ${px(ex)} ${py(ey)} c`);
        [cx, cy] = [ex, ey];
      } else if (command === 'bezierCurveTo') {
        const [x1 = 0, y1 = 0, x2 = 0, y2 = 0, ex = 0, ey = 0] = a;
        ops.push(`${px(x1)} ${py(y1)} ${px(x2)} ${py(y2)} ${px(ex)} ${py(ey)} c`);
        [cx, cy] = [ex, ey];
      } else {
        ops.push('h');
      }
    }
    pen += metrics.advance(glyph.id) * scale;
  }
  return ops.join('\n');
}
