/**
 * Where lines may break (clreq §3.1.7, GB/T 9704 practice): a number stays with its Latin
 * unit, a standard's code and a range stay whole, no line starts with a lone 「—」, 「——」 is
 * one unbroken two-em line, headings break between phrases or else fill their first line,
 * and full-width Roman numerals are set as tight as letters.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { breakCost, breakHeading, breakLines, POOR_BREAK, type BreakItem } from '../../src/render/pdf/lineBreak.js';
import { loadFontSet } from '../../src/render/pdf/fonts.js';
import { atomFor } from '../../src/render/pdf/text.js';
import { measuredFixtures } from './support.js';

const SIZE = 10;
const isIdeo = (t: string) => /[\p{sc=Han}，。、；：（）《》—～]/u.test(t);
const item = (t: string): BreakItem => ({ text: t, width: t === ' ' ? 3 : isIdeo(t) ? SIZE : 5, cls: t === ' ' ? 'space' : isIdeo(t) ? 'ideo' : 'word' });
const items = (text: string) => Array.from(text).map(item);
const texts = (all: BreakItem[], lines: { start: number; end: number }[]) => lines.map((l) => all.slice(l.start, l.end).map((i) => i.text).join(''));

describe('break rules', () => {
  it('keeps a number with its Latin unit after a space (身高170 cm)', () => {
    const all = items('甲乙丙丁戊己身高170 cm，体重');
    for (const w of [9, 10, 11, 12]) {
      const lines = texts(all, breakLines(all, () => w * SIZE, { em: SIZE }));
      for (const line of lines) expect(line.startsWith('cm'), `${w}: ${lines.join('|')}`).toBe(false);
    }
  });

  it('keeps a standard code whole: no break after SF/T, nor beside the dash of 0095—2021', () => {
    const all = items('依据甲乙丙SF/T 0095—2021附录');
    for (const w of [6, 7, 8, 9, 10, 11]) {
      const lines = texts(all, breakLines(all, () => w * SIZE, { em: SIZE }));
      expect(lines.join('|'), `${w}`).not.toMatch(/SF\/T\||\|—|—\|/u);
    }
  });

  it('does not start a line with a lone dash, but may with 「——」', () => {
    const lone = items('甲乙丙丁—戊己');
    expect(texts(lone, breakLines(lone, () => 4 * SIZE, { em: SIZE })).some((l) => l.startsWith('—'))).toBe(false);
    const pair = items('甲乙丙丁——戊己');
    expect(texts(pair, breakLines(pair, () => 4 * SIZE, { em: SIZE }))).toEqual(['甲乙丙丁', '——戊己']);
  });

  it('allows a break between digits and 年, at a cost; refuses one between a number and its unit', () => {
    const date = items('于2026年');
    expect(breakCost(date, 5)).toBe(POOR_BREAK);
    expect(breakCost(date, 1)).toBe(0);
    const unit = items('高170 cm');
    expect(breakCost(unit, 5)).toBe(Infinity);
  });

  it('takes a free break over a poor one that fits no better', () => {
    // Both 「…六七于2026|年」 and 「…六七|于2026年」 leave slack; the first splits the year from 年.
    const all = items('一二三四五六七于2026年三月十日开会讨论研究');
    const lines = texts(all, breakLines(all, () => 11 * SIZE, { em: SIZE }));
    expect(lines.join('|')).not.toMatch(/\d\|年/u);
  });
});

describe('heading breaks', () => {
  it('splits between phrases, at the one giving the most even lines', () => {
    const all = items('某某市第一人民医院：术中脾上极被膜撕裂的处理——存在过错');
    expect(texts(all, breakHeading(all, () => 20 * SIZE, { em: SIZE }))).toEqual(['某某市第一人民医院：', '术中脾上极被膜撕裂的处理——存在过错']);
    const dash = items('某某市第一人民医院术中脾上极被膜撕裂的处理——存在过错');
    expect(texts(dash, breakHeading(dash, () => 22 * SIZE, { em: SIZE }))).toEqual(['某某市第一人民医院术中脾上极被膜撕裂的处理', '——存在过错']);
  });

  it('fills the first line when no phrase break fits, instead of halving a word', () => {
    const all = items('某某医疗美容诊所的医疗过错与右眼视网膜中央动脉阻塞之间的因果关系');
    const lines = texts(all, breakHeading(all, () => 20 * SIZE, { em: SIZE }));
    expect(lines[0]).toHaveLength(20);
  });

  it('leaves at least four characters on the last line', () => {
    const all = items('某某医疗美容诊所的医疗过错与右眼视网膜中央动脉阻塞之关系');
    const lines = texts(all, breakHeading(all, () => 20 * SIZE, { em: SIZE }));
    expect(lines[lines.length - 1]!.length).toBeGreaterThanOrEqual(4);
  });
});

describe('glyph spacing', () => {
  it('sets full-width Roman numerals as tight as letters', async () => {
    const faces = await loadFontSet();
    const style = { slot: 'fangsong' as const, size: SIZE, italic: false, underline: false };
    // Ⅲ fills its em in these faces already; Ⅰ and Ⅱ stood in a third and two thirds of one.
    for (const numeral of ['Ⅰ', 'Ⅱ']) {
      const atom = atomFor(faces, style, numeral)!;
      expect(atom.width, numeral).toBeLessThan(0.95 * SIZE);
      expect(atom.width, numeral).toBeGreaterThan(0.1 * SIZE);
    }
    expect(atomFor(faces, style, 'Ⅰ')!.width).toBeLessThan(0.5 * SIZE);
  });
});

describe('every bundled fixture', () => {
  beforeAll(() => measuredFixtures(), 120_000);

  const breaks = async () => (await measuredFixtures()).flatMap((f) => f.typography.lineBreaks.map((b) => ({ name: f.name, ...b })));
  const show = (b: { name: string; before: string; after: string }) => `${b.name}: …${b.before.slice(-12)}|${b.after.slice(0, 12)}…`;

  it('never breaks between a number and its Latin unit or digit group (170 cm, 136/84 mmHg, 18 600)', async () => {
    const bad = (await breaks()).filter((b) => /\d$/u.test(b.before) && /^[A-Za-zµμ\d]/u.test(b.after));
    expect(bad.map(show)).toEqual([]);
  });

  it('never splits a standard code (GB/T 16180—2014) or a range (56%～95%)', async () => {
    const bad = (await breaks()).filter((b) => /(?:[A-Z]{1,4}\/[A-Z]|GB)\s*$/u.test(b.before) || /[\d%]\s*[—～–]$/u.test(b.before) || /^[—～–]\s*\d/u.test(b.after));
    expect(bad.map(show)).toEqual([]);
  });

  it('keeps anonymised names whole (卢某, 沈某某): no line starts with 「某」', async () => {
    expect((await breaks()).filter((b) => b.after.startsWith('某')).map(show)).toEqual([]);
  });

  it('starts no line with a lone 「—」', async () => {
    expect((await breaks()).filter((b) => /^—(?!—)/u.test(b.after)).map(show)).toEqual([]);
  });

  it('draws every 「——」 unbroken: never split, no gap between the dashes', async () => {
    const fixtures = await measuredFixtures();
    expect((await breaks()).filter((b) => b.before.endsWith('—') && b.after.startsWith('—')).map(show)).toEqual([]);
    // The ink of each dash, read from the font file itself: the first must reach the second.
    const fonts = await loadFontSet();
    const ink = (face: string) => fonts.face(face).font.glyphForCodePoint(0x2014).bbox;
    const gaps = fixtures.flatMap((f) =>
      f.typography.dashPairs.map((p) => {
        const upmA = fonts.face(p.faces[0]).font.unitsPerEm;
        const upmB = fonts.face(p.faces[1]).font.unitsPerEm;
        const gap = p.xs[1] + (ink(p.faces[1]).minX / upmB) * p.size - (p.xs[0] + (ink(p.faces[0]).maxX / upmA) * p.size);
        return { name: f.name, gapEm: gap / p.size };
      }),
    );
    expect(gaps.filter((g) => g.gapEm > 0.01).map((g) => `${g.name}: ${g.gapEm.toFixed(3)} em`)).toEqual([]);
    expect(gaps.length).toBeGreaterThan(0);
  });

  it('breaks headings between phrases, or else fills the first line, and never leaves under four characters below', async () => {
    const phraseEnd = /[，、：；）」》 ]$/u;
    const phraseStart = /^[（「《—]/u;
    const bad = (await measuredFixtures()).flatMap((f) =>
      f.typography.headings.flatMap((h) => {
        const faults: string[] = [];
        h.lines.slice(0, -1).forEach((line, n) => {
          const natural = phraseEnd.test(line) || phraseStart.test(h.lines[n + 1]!);
          if (!natural && (h.fill[n] ?? 0) < 0.9) faults.push(`${f.name}: half-empty line broken inside a word: ${h.lines.join('|')}`);
        });
        const last = h.lines[h.lines.length - 1]!;
        const letters = last.match(/[\p{sc=Han}]|[^\p{sc=Han}\p{P}\p{S}\s]+/gu) ?? [];
        if (letters.length < 4) faults.push(`${f.name}: short last line: ${h.lines.join('|')}`);
        return faults;
      }),
    );
    expect(bad).toEqual([]);
  });
});
