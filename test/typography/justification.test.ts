/**
 * Justified lines are never letter-spaced: punctuation is compressed first (标点挤压), then
 * the remaining space goes over the gaps, and no gap exceeds a quarter em.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { LOOSE_GAP_EM } from '../../src/bench/typographyMeasures.js';
import { breakLines, type BreakItem } from '../../src/render/pdf/lineBreak.js';
import { compressAdjacent, squeezeLeft, type Squeezable } from '../../src/render/pdf/punctuation.js';
import { FIXTURE_COUNT, measuredFixtures } from './support.js';

const SIZE = 10;
const atom = (text: string): Squeezable => ({ text, width: SIZE, size: SIZE });

describe('adjacent punctuation compression', () => {
  it('sets 「）：“」 in two ems, not three: only one of adjacent marks keeps its full width', () => {
    const marks = Array.from('）：“').map(atom);
    compressAdjacent(marks);
    expect(marks.reduce((w, m) => w + m.width, 0)).toBe(2 * SIZE);
    // The bracket and colon lose their trailing blank; the opening quote keeps half an em of air before its ink.
    expect(marks.map((m) => m.width)).toEqual([SIZE / 2, SIZE / 2, SIZE]);
  });

  it('sets 「（参与度40%）；」 with the bracket and semicolon in one and a half ems', () => {
    const marks = Array.from('）；').map(atom);
    compressAdjacent(marks);
    expect(marks[0]?.width! + marks[1]?.width!).toBe(1.5 * SIZE);
  });

  it('leaves marks between ideographs at full width, with their blank half available to justification', () => {
    const line = Array.from('甲，乙').map(atom);
    compressAdjacent(line);
    expect(line.map((m) => m.width)).toEqual([SIZE, SIZE, SIZE]);
    expect(line.map(squeezeLeft)).toEqual([0, SIZE / 2, 0]);
  });
});

const item = (text: string, shrink = 0): BreakItem => ({ text, width: text === ' ' ? 3 : /[\u4e00-\u9fff，。；：（）]/.test(text) ? SIZE : 5, cls: text === ' ' ? 'space' : /[\u4e00-\u9fff，。；：（）]/.test(text) ? 'ideo' : 'word', shrink });

describe('line breaking with compression', () => {
  it('pulls a character in by compressing punctuation rather than letter-spacing a line before a long number', () => {
    // 10 ems wide: 「甲，乙，丙，丁，」 (8 ems) then a 3-em number. Pushing the number down would
    // stretch 2 ems over 7 gaps (0.29 em each); squeezing the four commas to half width takes it in.
    const items = [...Array.from('甲，乙，丙，丁，').map((t) => item(t, t === '，' ? SIZE / 2 : 0)), ...Array.from('123456').map((t) => item(t)), item('戊')];
    const [first] = breakLines(items, () => 10 * SIZE, { em: SIZE });
    expect(first?.end).toBeGreaterThanOrEqual(14);
  });

  it('keeps a number whole even when the line before it must stretch', () => {
    const items = [...Array.from('甲乙丙').map((t) => item(t)), ...Array.from('123456789012').map((t) => item(t))];
    const lines = breakLines(items, () => 5 * SIZE, { em: SIZE });
    expect(lines[0]).toEqual({ start: 0, end: 3 });
  });
});

describe('every bundled fixture', () => {
  // Laying out all fixtures takes a few seconds on a loaded machine; done once for the file.
  beforeAll(() => measuredFixtures(), 120_000);

  it(`sets justified lines with no gap wider than ${LOOSE_GAP_EM} em`, async () => {
    const fixtures = await measuredFixtures();
    expect(fixtures).toHaveLength(FIXTURE_COUNT);
    const loose = fixtures.flatMap((f) => f.typography.looseLines.map((l) => `${f.name}: ${l.gapEm.toFixed(2)} em 「${l.text}」`));
    // No line of the fixtures needs more: none is counted as one that cannot be set otherwise.
    expect(loose).toEqual([]);
    for (const f of fixtures) expect(f.typography.maxGapEm, f.name).toBeLessThanOrEqual(LOOSE_GAP_EM + 1e-6);
  });
});
