import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STYLE_SHEETS } from '../../src/document/styles.js';
import { breakLines, canBreakBetween, NO_LINE_END, NO_LINE_START, type BreakItem } from '../../src/render/pdf/lineBreak.js';
import type { GlyphRun } from '../../src/render/pdf/model.js';
import { typeset, type LayoutContext, type TextLine, type TextStyle } from '../../src/render/pdf/paragraph.js';
import { classify, WarningSink } from '../../src/render/pdf/text.js';
import { fakeFaces } from './support.js';

const item = (text: string, width = 1): BreakItem => ({ text, width, cls: classify(text) });
const items = (text: string, wide = 1, narrow = 0.5): BreakItem[] => Array.from(text, (ch) => item(ch, classify(ch) === 'ideo' ? wide : narrow));
const lineTexts = (all: BreakItem[], ranges: { start: number; end: number }[]) => ranges.map((r) => all.slice(r.start, r.end).map((i) => i.text).join(''));

describe('break opportunities', () => {
  it('breaks between CJK characters but not inside Latin words or numbers', () => {
    expect(canBreakBetween(item('字'), item('字'))).toBe(true);
    expect(canBreakBetween(item('字'), item('E'))).toBe(true);
    expect(canBreakBetween(item('3'), item('0'))).toBe(false);
    expect(canBreakBetween(item('0'), item('%'))).toBe(false);
    expect(canBreakBetween(item('6'), item('–'))).toBe(false);
    expect(canBreakBetween(item('a'), item(' '))).toBe(false);
    expect(canBreakBetween(item(' '), item('b'))).toBe(true);
  });

  it('obeys the 禁则 for every listed character', () => {
    for (const ch of NO_LINE_START) expect(canBreakBetween(item('字'), item(ch)), `before ${ch}`).toBe(false);
    for (const ch of NO_LINE_END) expect(canBreakBetween(item(ch), item('字')), `after ${ch}`).toBe(false);
    expect(canBreakBetween(item('…'), item('…'))).toBe(false);
    expect(canBreakBetween(item('—'), item('—'))).toBe(false);
    expect(canBreakBetween(item('字'), item('%'))).toBe(false);
  });
});

describe('breakLines', () => {
  it('fills lines greedily with CJK', () => {
    const all = items('一二三四五六七八九十甲乙丙丁');
    expect(lineTexts(all, breakLines(all, () => 5))).toEqual(['一二三四五', '六七八九十', '甲乙丙丁']);
  });

  it('pushes a character down rather than starting a line with closing punctuation', () => {
    const all = items('一二三四五。六七');
    expect(lineTexts(all, breakLines(all, () => 5))).toEqual(['一二三四', '五。六七']);
  });

  it('pushes opening punctuation down rather than ending a line with it', () => {
    const all = items('一二三（四五');
    expect(lineTexts(all, breakLines(all, () => 4))).toEqual(['一二三', '（四五']);
  });

  it('keeps a number with its unit sign and a Latin word whole', () => {
    const all = items('一二三30%四');
    expect(lineTexts(all, breakLines(all, () => 4))).toEqual(['一二三', '30%四']);
    const words = items('一二 English');
    expect(lineTexts(words, breakLines(words, () => 4))).toEqual(['一二', 'English']);
  });

  it('cuts a word longer than the line by character', () => {
    const all = items('x'.repeat(25));
    expect(lineTexts(all, breakLines(all, () => 10)).map((l) => l.length)).toEqual([20, 5]);
  });

  it('drops spaces at the break and honours a shorter first line', () => {
    const all = items('aa bb cc dd');
    expect(lineTexts(all, breakLines(all, (n) => (n === 0 ? 1.5 : 3)))).toEqual(['aa', 'bb cc', 'dd']);
  });

  it('returns one empty line for empty input and survives 100,000 items quickly', () => {
    expect(breakLines([], () => 10)).toEqual([{ start: 0, end: 0 }]);
    const big = items('字'.repeat(100_000));
    const started = performance.now();
    expect(breakLines(big, () => 28)).toHaveLength(Math.ceil(100_000 / 28));
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

// A paragraph built to provoke every rule, shifted so each trap lands at every line edge.
const TRAPS =
  '甲，乙。丙、丁；戊：己？庚！辛）壬」癸』子》丑〉寅】卯〕辰……巳——午30%未（申「酉『戌《亥〈子【丑〔寅' +
  '字2026-11-22字P100字16%–44%字English words字“引号”字阿卜·买买字';
const TOKENS = ['30%', '2026-11-22', 'P100', '16%–44%', 'English', 'words', '……', '——'];
const SIZE = 10;
const WIDTH = 120; // 12 ems

const ctx: LayoutContext = { sheet: STYLE_SHEETS.judicial, faces: fakeFaces(), sink: new WarningSink(), textWidth: WIDTH };
const style: TextStyle = { font: 'fangsong', bold: false, sizePt: SIZE, align: 'justify', indent: 2 * SIZE };

const glyphsOf = (line: TextLine) => line.drawables.filter((d): d is GlyphRun => d.kind === 'glyphs').flatMap((d) => d.glyphs);
const textOf = (line: TextLine) => glyphsOf(line).map((g) => g.text).join('');

describe('typesetting a paragraph built to provoke every rule', () => {
  for (let shift = 0; shift < 14; shift++) {
    it(`holds with a shift of ${shift}`, () => {
      const text = '字'.repeat(shift) + TRAPS + TRAPS;
      const lines = typeset([{ kind: 'text', text }], style, WIDTH, ctx);
      const texts = lines.map(textOf);
      expect(texts.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      texts.forEach((line, n) => {
        const chars = Array.from(line);
        if (n > 0) expect(NO_LINE_START.has(chars[0] ?? ''), `line ${n} starts with ${chars[0]}: ${line}`).toBe(false);
        if (n < texts.length - 1) expect(NO_LINE_END.has(chars[chars.length - 1] ?? ''), `line ${n} ends with ${chars.at(-1)}: ${line}`).toBe(false);
      });
      const joined = texts.join('|');
      for (const token of TOKENS) expect(joined.split(token).length, token).toBe(text.split(token).length);
    });
  }

  it('indents the first line, justifies full lines to the edge and leaves the last line natural', () => {
    const lines = typeset([{ kind: 'text', text: TRAPS + TRAPS }], style, WIDTH, ctx);
    expect(lines.length).toBeGreaterThan(3);
    expect(glyphsOf(lines[0] as TextLine)[0]?.x).toBeCloseTo(2 * SIZE);
    lines.forEach((line, n) => {
      const glyphs = glyphsOf(line);
      for (const g of glyphs) {
        expect(g.x).toBeGreaterThanOrEqual(-1e-9);
        expect(g.x + g.advance).toBeLessThanOrEqual(WIDTH + 1e-6);
      }
      const last = glyphs[glyphs.length - 1];
      if (!last) return;
      if (n < lines.length - 1) expect(last.x + last.advance).toBeCloseTo(WIDTH, 6);
      else glyphs.slice(1).forEach((g, i) => expect(g.x).toBeCloseTo((glyphs[i]?.x ?? 0) + (glyphs[i]?.advance ?? 0), 6));
    });
  });

  it('never justifies the line before a hard line break', () => {
    const lines = typeset([{ kind: 'text', text: '短行' }, { kind: 'lineBreak' }, { kind: 'text', text: TRAPS }], style, WIDTH, ctx);
    const first = glyphsOf(lines[0] as TextLine);
    expect(first.map((g) => g.text).join('')).toBe('短行');
    expect(first[1]?.x).toBeCloseTo((first[0]?.x ?? 0) + SIZE);
    expect(glyphsOf(lines[1] as TextLine)[0]?.x).toBe(0); // no indent after a break
  });

  it('centres and right-aligns', () => {
    const centred = glyphsOf(typeset([{ kind: 'text', text: '标题' }], { ...style, align: 'center', indent: 0 }, WIDTH, ctx)[0] as TextLine);
    expect(centred[0]?.x).toBeCloseTo((WIDTH - 2 * SIZE) / 2);
    const right = glyphsOf(typeset([{ kind: 'text', text: '日期' }], { ...style, align: 'right', indent: 0 }, WIDTH, ctx)[0] as TextLine);
    expect((right[1]?.x ?? 0) + SIZE).toBeCloseTo(WIDTH);
  });
});

describe('empty lines', () => {
  it('an empty paragraph is still one (blank) line, and two line breaks leave a blank line between the text', () => {
    expect(typeset([], style, WIDTH, ctx)).toHaveLength(1);
    const lines = typeset([{ kind: 'text', text: '甲' }, { kind: 'lineBreak' }, { kind: 'lineBreak' }, { kind: 'text', text: '乙' }], style, WIDTH, ctx);
    expect(lines.map(textOf)).toEqual(['甲', '', '乙']);
  });
});

describe('total-fit breaking skips only hopeless lines', () => {
  const alphabet = Array.from('鉴定意见书患者某医院诊疗过错，。、；：（）「」——…0123456789%cmSF/T ');
  const opening = new Set(Array.from('（「'));
  const compressible = new Set(Array.from('，。、；：（）「」'));
  const toItem = (ch: string): BreakItem => {
    const cls = classify(ch);
    const width = cls === 'ideo' ? 1 : cls === 'space' ? 0.3 : 0.55;
    return compressible.has(ch) ? { text: ch, width, cls, shrink: 0.5, opening: opening.has(ch) } : { text: ch, width, cls };
  };
  const runs = Number(process.env.JIANDING_PROPERTY_RUNS ?? 300);

  it('gives the same breaks as scoring every possible line (bounded by the greedy fill)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 0, maxLength: 160 }), fc.integer({ min: 4, max: 24 }), fc.integer({ min: 0, max: 3 }), fc.boolean(), (chars, measure, indent, avoidRunts) => {
        const all = chars.map(toItem);
        const widthOf = (line: number) => measure - (line === 0 ? indent : 0);
        const bounded = breakLines(all, widthOf, { em: 1, avoidRunts });
        const exhaustive = breakLines(all, widthOf, { em: 1, avoidRunts, exhaustive: true });
        expect(bounded).toEqual(exhaustive);
      }),
      { numRuns: runs, seed: 20261130 },
    );
  });
});
