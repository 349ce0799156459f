/** No paragraph ends on a runt (one character plus punctuation), and headings wrap into balanced lines. */
import { beforeAll, describe, expect, it } from 'vitest';
import { breakLines, isRuntLine, type BreakItem } from '../../src/render/pdf/lineBreak.js';
import { measuredFixtures } from './support.js';

const SIZE = 10;
const items = (text: string, shrink: (t: string) => number = () => 0): BreakItem[] =>
  Array.from(text).map((t) => ({ text: t, width: SIZE, cls: 'ideo', shrink: shrink(t) }));
const texts = (all: BreakItem[], lines: { start: number; end: number }[]) => lines.map((l) => all.slice(l.start, l.end).map((i) => i.text).join(''));

describe('runt last lines', () => {
  it('recognises 「错；」 as a runt and 「过错；」 as none', () => {
    const all = items('错；过错；');
    expect(isRuntLine(all, { start: 0, end: 2 })).toBe(true);
    expect(isRuntLine(all, { start: 2, end: 5 })).toBe(false);
  });

  it('counts a number as one character: 「15%）。」 is a runt, 「度15%）。」 none', () => {
    const all: BreakItem[] = Array.from('度15%）。').map((t) => ({ text: t, width: SIZE, cls: /[\d%]/.test(t) ? 'word' : 'ideo' }));
    expect(isRuntLine(all, { start: 1, end: 6 })).toBe(true);
    expect(isRuntLine(all, { start: 0, end: 6 })).toBe(false);
  });

  it('pulls the runt in by compressing punctuation on the line above', () => {
    const all = items('是否，存在，医疗过错；', (t) => (t === '，' || t === '；' ? SIZE / 2 : 0));
    expect(texts(all, breakLines(all, () => 10 * SIZE))).toEqual(['是否，存在，医疗过', '错；']);
    expect(texts(all, breakLines(all, () => 10 * SIZE, { em: SIZE, avoidRunts: true }))).toEqual(['是否，存在，医疗过错；']);
  });

  it('compresses a line-end mark only with line-edge compression on', () => {
    const all = items('甲，乙，丙；', (t) => (t === '，' || t === '；' ? SIZE / 2 : 0));
    // 6 ems in 4.6: the two commas give 1 em, not enough; with line-edge compression the closing
    // 「；」 gives its half em too and the line takes everything, rather than leave 「丙；」 below.
    expect(texts(all, breakLines(all, () => 4.6 * SIZE, { em: SIZE, avoidRunts: true }))).not.toEqual(['甲，乙，丙；']);
    expect(texts(all, breakLines(all, () => 4.6 * SIZE, { em: SIZE, avoidRunts: true, compressLineEdges: true }))).toEqual(['甲，乙，丙；']);
  });

  it('pushes a character down when nothing can be compressed', () => {
    const body = '一二三四五六七八九十'.repeat(3);
    const all = items(body + '甲。');
    expect(texts(all, breakLines(all, () => 30 * SIZE))).toEqual([body, '甲。']);
    // The line above stretches by one em over 28 gaps (0.04 em each) to give the last line a partner.
    expect(texts(all, breakLines(all, () => 30 * SIZE, { em: SIZE, avoidRunts: true }))).toEqual([body.slice(0, 29), '十甲。']);
  });
});

describe('every bundled fixture', () => {
  // Laying out all fixtures takes a few seconds on a loaded machine; done once for the file.
  beforeAll(() => measuredFixtures(), 120_000);

  it('ends no paragraph with a runt line', async () => {
    const runts = (await measuredFixtures()).flatMap((f) => f.typography.runts.map((r) => `${f.name}: ${r}`));
    expect(runts).toEqual([]);
  });

  it('wraps centred titles into lines of similar length (the shortest at least half the longest)', async () => {
    const titles = (await measuredFixtures()).flatMap((f) => f.typography.headingBalance.filter((h) => !f.typography.headings.some((g) => g.lines.join('⏎') === h.text)).map((h) => ({ name: f.name, ...h })));
    expect(titles.filter((h) => h.ratio < 0.5).map((h) => `${h.name}: ${h.text}`)).toEqual([]);
  });
});
