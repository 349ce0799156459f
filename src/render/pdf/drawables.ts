/** Moving laid-out drawables as a group (table cells, the parts of the 落款). */
import type { Drawable } from './model.js';

export function shift(drawable: Drawable, dx: number, dy: number): Drawable {
  switch (drawable.kind) {
    case 'glyphs':
      return { ...drawable, baseline: drawable.baseline + dy, glyphs: dx ? drawable.glyphs.map((g) => ({ ...g, x: g.x + dx })) : drawable.glyphs };
    case 'rule':
      return { ...drawable, x1: drawable.x1 + dx, x2: drawable.x2 + dx, y1: drawable.y1 + dy, y2: drawable.y2 + dy };
    case 'fill':
      return { ...drawable, rects: drawable.rects.map(([x, y, w, h]) => [x + dx, y + dy, w, h]) };
    default:
      return { ...drawable, x: drawable.x + dx, y: drawable.y + dy };
  }
}

export const shiftAll = (drawables: readonly Drawable[], dx: number, dy: number): Drawable[] => drawables.map((d) => shift(d, dx, dy));
