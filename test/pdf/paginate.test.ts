import { describe, expect, it } from 'vitest';
import { STYLE_SHEETS } from '../../src/document/styles.js';
import type { Block, SignatureBlock, Table } from '../../src/document/tree.js';
import { layoutDocument } from '../../src/render/pdf/layout.js';
import { sampleTree } from '../support/sampleTree.js';
import { bodyLines, fakeFaces, geometryOf, para, treeOf } from './support.js';

const faces = fakeFaces();
const fillers = (n: number): Block[] => Array.from({ length: n }, () => para('body', '乙'.repeat(10)));
const linesOf = (blocks: Block[]) => {
  const tree = treeOf(blocks);
  return bodyLines(layoutDocument(tree, faces), geometryOf(tree));
};
const count = (lines: string[], ch: string) => lines.filter((l) => l.includes(ch)).length;

const signature: SignatureBlock = {
  kind: 'signature',
  lines: [{ role: '鉴定人', name: '李某某', note: '证号：320100000001' }, { role: '鉴定人', name: '王某某' }],
  institution: '某某司法鉴定所',
  sealed: true,
  date: '二〇二六年十一月二十二日',
};

describe('pagination rules', () => {
  it('keeps a heading with at least two lines of what follows', () => {
    for (let n = 15; n <= 27; n++) {
      const pages = linesOf([...fillers(n), para('heading1', '一、标题'), para('body', '甲'.repeat(200))]);
      for (const page of pages) {
        const at = page.indexOf('一、标题');
        if (at < 0) continue;
        expect(at, `fillers ${n}`).toBeLessThan(page.length - 1);
        expect(count(page, '甲'), `fillers ${n}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('never strands a single line of a paragraph (widows and orphans)', () => {
    for (let n = 18; n <= 27; n++) {
      for (const lines of [3, 4, 5, 7]) {
        const pages = linesOf([...fillers(n), para('body', '甲'.repeat(29 + 31 * (lines - 1)))]);
        const perPage = pages.map((p) => count(p, '甲')).filter((c) => c > 0);
        expect(perPage.reduce((a, b) => a + b, 0)).toBe(lines);
        for (const c of perPage) expect(c, `fillers ${n}, ${lines} lines: ${perPage.join('+')}`).toBeGreaterThanOrEqual(2);
        if (lines < 4) expect(perPage).toHaveLength(1);
      }
    }
  });

  it('puts the 落款 on a page with at least two lines of body text', () => {
    for (let n = 10; n <= 27; n++) {
      for (const last of [para('body', '甲'.repeat(20)), para('body', '甲'.repeat(100))]) {
        const pages = linesOf([...fillers(n), para('body', '丁'.repeat(20)), last, signature]);
        const page = pages.find((p) => p.some((l) => l.includes('二〇二六年')));
        expect(page, `fillers ${n}`).toBeDefined();
        expect(page?.some((l) => l.includes('鉴定人：李某某'))).toBe(true);
        const bodyText = (page ?? []).filter((l) => /[甲乙丁]/.test(l));
        expect(bodyText.length, `fillers ${n}`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('prints the institution\'s name over the date, sealed or not, and lays drafts and finals out alike', () => {
    const sealed = linesOf([para('body', '甲'), signature]);
    const draft = linesOf([para('body', '甲'), { ...signature, sealed: false }]);
    for (const lines of [sealed.flat(), draft.flat()]) {
      expect(lines.join('\n')).toMatch(/某某司法鉴定所\n?二〇二六年十一月二十二日/);
      expect(lines.some((l) => l.includes('专用章'))).toBe(false);
    }
    expect(draft).toEqual(sealed);
  });

  it('repeats table headers and splits a row only when it is taller than a page', () => {
    const table: Table = {
      kind: 'table',
      columns: [1, 3],
      header: [{ cells: [{ inlines: [{ kind: 'text', text: '序号' }] }, { inlines: [{ kind: 'text', text: '名称' }] }] }],
      rows: [
        ...Array.from({ length: 60 }, (_, i) => ({ cells: [{ inlines: [{ kind: 'text' as const, text: `R${i}` }] }, { inlines: [{ kind: 'text' as const, text: '丙'.repeat(20 + (i % 3) * 30) }] }] })),
        { cells: [{ inlines: [{ kind: 'text', text: 'TALL' }] }, { inlines: [{ kind: 'text', text: '长'.repeat(3000) }] }] },
      ],
    };
    const pages = linesOf([para('body', '甲'.repeat(100)), table, para('body', '完')]);
    const tablePages = pages.filter((p) => p.some((l) => /^R\d+|长/.test(l)));
    expect(tablePages.length).toBeGreaterThan(3);
    for (const page of tablePages) expect(page.find((l) => /^R\d+|序号|长/.test(l))).toBe('序号名称');
    for (let i = 0; i < 60; i++) expect(pages.flat().filter((l) => l.startsWith(`R${i}丙`)), `row ${i}`).toHaveLength(1);
    const tallParts = pages.flat().filter((l) => l.includes('长'));
    expect(tallParts.length).toBeGreaterThan(1);
    expect(tallParts.join('').replace(/TALL/, '')).toBe('长'.repeat(3000));
  });

  it('starts a new page at a page break and gives spacers their lines', () => {
    const tree = treeOf([para('bodyFlush', '前'), { kind: 'spacer', lines: 3 }, para('bodyFlush', '后'), { kind: 'pageBreak' }, para('bodyFlush', '新页')]);
    const plan = layoutDocument(tree, faces);
    const lines = bodyLines(plan, geometryOf(tree));
    expect(lines).toEqual([['前', '后'], ['新页']]);
    const dy = (text: string) => plan.pages[0]?.placements.find((p) => p.drawables.some((d) => d.kind === 'glyphs' && d.glyphs[0]?.text === text))?.dy ?? NaN;
    expect(dy('后') - dy('前')).toBeCloseTo(4 * STYLE_SHEETS.judicial.page.linePitchPt);
  });

  it('starts each section on a new page and numbers body pages only', () => {
    const tree = sampleTree();
    const plan = layoutDocument(tree, faces);
    const front = plan.pages.filter((p) => p.sectionKind === 'front');
    const body = plan.pages.filter((p) => p.sectionKind === 'body');
    expect(front.length).toBe(2); // cover, 声明 (after the page break)
    expect(front.every((p) => p.bodyNumber === undefined)).toBe(true);
    expect(body.map((p) => p.bodyNumber)).toEqual(body.map((_, i) => i + 1));
    expect(plan.pages.findIndex((p) => p.sectionIndex === 1)).toBe(front.length);
  });

  it('keeps every glyph inside the text block', () => {
    const tree = sampleTree();
    const g = geometryOf(tree);
    const plan = layoutDocument(tree, faces);
    for (const page of plan.pages) {
      for (const p of page.placements) {
        const inBody = p.dy >= g.marginTop - 0.01 && p.dy < g.height - g.marginBottom;
        for (const d of p.drawables) {
          if (d.kind !== 'glyphs') continue;
          for (const glyph of d.glyphs) {
            expect(p.dx + glyph.x).toBeGreaterThanOrEqual(g.marginLeft - 0.01);
            expect(p.dx + glyph.x + glyph.advance).toBeLessThanOrEqual(g.width - g.marginRight + 0.01);
          }
          if (!inBody) continue;
          const top = p.dy + d.baseline - 0.88 * d.size;
          expect(top).toBeGreaterThanOrEqual(g.marginTop - 0.01);
          expect(top + d.size).toBeLessThanOrEqual(g.height - g.marginBottom + 0.01);
        }
      }
    }
  });
});
