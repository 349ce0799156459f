/**
 * Content-stream glyph runs: the gap most glyphs share becomes character spacing (Tc), the
 * rest TJ numbers — and a reader placing the glyphs from the operators puts each exactly
 * where layout did.
 */
import { describe, expect, it } from 'vitest';
import type { PDFRef } from 'pdf-lib';
import { ContentWriter } from '../../src/render/pdf/content.js';
import type { EmbeddedFace } from '../../src/render/pdf/embed.js';
import type { GlyphRun, PlacedGlyph } from '../../src/render/pdf/model.js';

const PAGE_HEIGHT = 842;
const texts = '甲乙丙丁戊己庚辛壬癸AB12';
const face: EmbeddedFace = {
  name: 'F1',
  ref: {} as PDFRef,
  codes: new Map(Array.from(texts, (t, i) => [t, (i + 1).toString(16).padStart(4, '0')])),
};

/** A run of `chars` at 14 pt; `gapAfter(i)` is the extra space layout put after glyph i. */
function run(chars: string, gapAfter: (i: number) => number): GlyphRun {
  const glyphs: PlacedGlyph[] = [];
  let x = 10;
  Array.from(chars).forEach((text, i) => {
    const advance = /[A-Z0-9]/.test(text) ? 7 : 14;
    glyphs.push({ x, text, advance });
    x += advance + gapAfter(i);
  });
  return { kind: 'glyphs', face: 'serif', size: 14, italic: false, baseline: 20, glyphs };
}

function operators(...runs: GlyphRun[]): string[] {
  const writer = new ContentWriter(PAGE_HEIGHT, new Map([['serif', face]]));
  for (const r of runs) writer.placement({ drawables: [r], dx: 70, dy: 100 });
  return writer.toString().split('\n');
}

/** Where a reader of `op` puts each glyph: x of every glyph, from Tm, Tc, the advances and the TJ numbers. */
function placedXs(op: string, r: GlyphRun, charSpacing: number): number[] {
  const m = /Tm \[(.*)\] TJ/.exec(op)!;
  let x = Number(/ (-?[\d.]+) (-?[\d.]+) Tm/.exec(op)![1]);
  const xs: number[] = [];
  for (const [, hex, n] of m[1]!.matchAll(/<([0-9a-f]*)>|(-?[\d.]+)/g)) {
    if (n !== undefined) x -= (Number(n) / 1000) * r.size;
    for (let k = 0; hex && k < hex.length; k += 4) {
      xs.push(x);
      x += r.glyphs[xs.length - 1]!.advance + charSpacing;
    }
  }
  return xs;
}

describe('glyph runs in content streams', () => {
  it('writes an evenly justified line as one Tc and one hex string', () => {
    const line = run('甲乙丙丁戊己庚辛壬癸', () => 0.766024);
    const [op] = operators(line);
    expect(op).toBe('BT /F1 14 Tf 0.766024 Tc 1 0 0 1 80 722 Tm [<000100020003000400050006000700080009000a>] TJ ET');
  });

  it('corrects the gaps that differ (inside a Latin word) and places every glyph where layout did', () => {
    const line = run('甲乙AB12丙丁', (i) => ([2, 4].includes(i) ? 0 : 1.5));
    const [op] = operators(line);
    // 1.5 pt is 107.143 thousandths of 14 pt, as TJ numbers are written (three decimals).
    expect(op).toContain(' 1.500002 Tc ');
    const xs = placedXs(op!, line, 1.500002);
    expect(xs).toHaveLength(line.glyphs.length);
    xs.forEach((x, i) => expect(Math.abs(x - (70 + line.glyphs[i]!.x))).toBeLessThan(0.0001));
  });

  it('sets Tc only when it changes, and back to 0 for a run without spacing (text state outlives ET)', () => {
    const ops = operators(run('甲乙丙', () => 1), run('丁戊己', () => 1), run('庚辛壬', () => 0));
    expect(ops[0]).toMatch(/ 1\.0*\d* Tc /);
    expect(ops[1]).not.toContain('Tc');
    expect(ops[2]).toContain(' 0 Tc ');
  });
});
