import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, DocumentTree, Inline, Section } from '../../src/document/tree.js';
import { loadFontSet } from '../../src/render/pdf/fonts.js';
import { PDFDocument } from 'pdf-lib';
import { renderPdf } from '../../src/render/pdf/index.js';
import { PRODUCER } from '../../src/render/pdf/metadata.js';
import { layoutDocument } from '../../src/render/pdf/layout.js';
import { sampleTree } from '../support/sampleTree.js';
import { geometryOf, hasPoppler, normalise, pageText, para, run, treeOf, writeTemp } from './support.js';
import { inkFailures } from './ink.js';

const TIMEOUT = 60_000;

const inlineText = (inlines: readonly Inline[]) => inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');

/** The text a reader should get back, in reading order (furniture excluded). */
function expectedText(section: Section): string {
  return section.blocks
    .map((block: Block) => {
      if (block.kind === 'paragraph') return inlineText(block.inlines);
      if (block.kind === 'table') return [...block.header, ...block.rows].flatMap((r) => r.cells.map((c) => inlineText(c.inlines))).join('');
      if (block.kind === 'signature') {
        const signers = block.lines.map((l) => `${l.role}：${l.name}${l.note ?? ''}`).join('');
        return signers + block.institution + block.date;
      }
      return '';
    })
    .join('');
}

let sample: Awaited<ReturnType<typeof renderPdf>>;
let samplePath: string;
/** The real fonts, for layouts that tell the tests where pages and glyphs are. */
let realFaces: Awaited<ReturnType<typeof loadFontSet>>;

beforeAll(async () => {
  realFaces = await loadFontSet();
  sample = await renderPdf(sampleTree());
  samplePath = writeTemp(sample.bytes);
}, TIMEOUT);

describe('renderPdf on the sample tree', () => {
  it('is deterministic: the same tree gives the same bytes', async () => {
    const again = await renderPdf(sampleTree());
    expect(Buffer.from(again.bytes).equals(Buffer.from(sample.bytes))).toBe(true);
    expect(sample.warnings).toEqual([]);
    expect(sample.pageCount).toBe(7);
  }, TIMEOUT);

  it('dates the document from meta.created, never the clock, and derives /ID from the content', async () => {
    const doc = await PDFDocument.load(sample.bytes, { updateMetadata: false });
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(doc.getModificationDate()?.toISOString()).toBe('2026-11-22T00:00:00.000Z');
    expect(doc.getProducer()).toBe(PRODUCER);
    const id = String(doc.context.trailerInfo.ID);
    expect(id).toMatch(/^\[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]$/);
    const other = await renderPdf({ ...sampleTree(), meta: { ...sampleTree().meta, created: '2026-12-01' } });
    const otherDoc = await PDFDocument.load(other.bytes, { updateMetadata: false });
    expect(otherDoc.getCreationDate()?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(String(otherDoc.context.trailerInfo.ID)).not.toBe(id);
  }, TIMEOUT);

  describe.skipIf(!hasPoppler)('read back with poppler', () => {
    it('gives back the text in reading order', () => {
      const tree = sampleTree();
      const g = geometryOf(tree);
      let page = 1;
      for (const section of tree.sections) {
        const pages = layoutDocument({ ...tree, sections: [section] }, realFaces).pages.length;
        let text = '';
        for (let i = 0; i < pages; i++, page++) {
          text += run('pdftotext', ['-raw', '-f', String(page), '-l', String(page), '-r', '72', '-x', String(Math.floor(g.marginLeft)), '-y', String(Math.floor(g.marginTop)), '-W', String(Math.ceil(g.textWidth)), '-H', String(Math.ceil(g.textHeight)), samplePath, '-']);
        }
        expect(normalise(text)).toBe(normalise(expectedText(section)));
      }
      expect(page - 1).toBe(sample.pageCount);
    });

    it('numbers body pages only: the first body page says 第 1 页 共 N 页', () => {
      const front = 2;
      const total = sample.pageCount - front;
      for (let p = 1; p <= sample.pageCount; p++) {
        const text = normalise(pageText(samplePath, p));
        if (p <= front) expect(text).not.toMatch(/第\d+页/);
        else {
          expect(text).toContain(`第${p - front}页共${total}页`);
          expect(text).toContain('苏某司鉴〔2026〕临鉴字第12号');
        }
      }
    });

    it('draws every glyph with ink', async () => {
      const plan = layoutDocument(sampleTree(), await loadFontSet());
      expect(inkFailures(samplePath, plan)).toEqual([]);
    }, TIMEOUT);

    it('keeps all text inside the margins (furniture in the header and footer bands)', () => {
      const tree = sampleTree();
      const g = geometryOf(tree);
      const html = run('pdftotext', ['-bbox', samplePath, '-']);
      const furniture = new Set(['苏某司鉴〔2026〕临鉴字第12号', '第', '页', '共', '—']);
      const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)];
      expect(words.length).toBeGreaterThan(100);
      for (const [, x0, y0, x1, y1, word] of words) {
        expect(Number(x0), word).toBeGreaterThanOrEqual(g.marginLeft - 1);
        expect(Number(x1), word).toBeLessThanOrEqual(g.width - g.marginRight + 1);
        const inside = Number(y0) >= g.marginTop - 2 && Number(y1) <= g.height - g.marginBottom + 2;
        if (!inside) expect(furniture.has(word ?? '') || /^\d+$/.test(word ?? ''), `${word} at y ${y0}`).toBe(true);
        expect(Number(y0)).toBeGreaterThanOrEqual(0);
        expect(Number(y1)).toBeLessThanOrEqual(g.height);
      }
    });

    it('embeds subset fonts with the ABCDEF+ prefix', () => {
      const rows = run('pdffonts', [samplePath]).split('\n').slice(2).filter(Boolean);
      expect(rows.length).toBeGreaterThanOrEqual(2);
      for (const row of rows) {
        expect(row).toMatch(/^[A-Z]{6}\+(Noto(Serif|Sans)SC-(Regular|SemiBold|Bold)|LXGWWenKai-(Regular|Bold))\s+CID TrueType\s+Identity-H\s+yes yes yes/);
      }
    });

    it('writes the metadata from tree.meta', () => {
      const info = run('pdfinfo', ['-isodates', samplePath]);
      expect(info).toMatch(/Title:\s+关于张某某医疗损害的鉴定意见书/);
      expect(info).toMatch(/Subject:\s+医疗损害司法鉴定/);
      expect(info).toMatch(/Author:\s+某某司法鉴定所/);
      expect(info).toMatch(/Keywords:\s+医疗损害 司法鉴定/);
      expect(info).toMatch(/CreationDate:\s+2026-11-22T00:00:00/);
      expect(info).toMatch(/ModDate:\s+2026-11-22T00:00:00/);
    });
  });
});

describe('size', () => {
  it('keeps a ten-page document under 300 KB', async () => {
    const tree = sampleTree();
    const body = tree.sections[1] as Section;
    const big: DocumentTree = { ...tree, sections: [{ ...body, blocks: [...body.blocks, { kind: 'pageBreak' }, ...body.blocks] }] };
    const { bytes, pageCount } = await renderPdf(big);
    expect(pageCount).toBeGreaterThanOrEqual(9);
    expect(pageCount).toBeLessThanOrEqual(12);
    expect(bytes.length).toBeLessThan(300 * 1024);
  }, TIMEOUT);
});

describe('characters the fonts lack', () => {
  const tree = treeOf([para('body', '吉野家的𠮷字与表情😀，以及控制符\u0007\u0000和从右到左 שלום 的文字。'), para('body', 'x'.repeat(3000))]);

  it('warns, names the character and draws a visible marker', async () => {
    const { bytes, warnings } = await renderPdf(tree);
    const kanji = warnings.find((w) => w.codePoint === 'U+20BB7');
    expect(kanji).toMatchObject({ code: 'PDF_MISSING_GLYPH', char: '𠮷' });
    expect(kanji?.context).toContain('吉野家的𠮷字');
    expect(warnings.some((w) => w.codePoint === 'U+1F600' && w.char === '😀')).toBe(true);
    expect(warnings.some((w) => w.codePoint === 'U+05E9')).toBe(true);
    expect(warnings.some((w) => w.codePoint === 'U+0007' || w.codePoint === 'U+0000')).toBe(false);
    if (!hasPoppler) return;
    const path = writeTemp(bytes);
    const text = normalise(pageText(path, 1));
    expect(text).toContain('吉野家的□字与表情□，以及控制符和从右到左□□□□的文字。');
    expect(inkFailures(path, layoutDocument(tree, await loadFontSet()))).toEqual([]);
  }, TIMEOUT);
});

describe('institution fonts', () => {
  const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf';

  it.skipIf(!hasPoppler)('uses a configured file for its slot', async () => {
    const { bundledFontPath } = await import('../../src/render/pdf/fonts.js');
    const { bytes } = await renderPdf(sampleTree(), { fonts: { serif: bundledFontPath('noto-sans-sc-400') } });
    const fonts = run('pdffonts', [writeTemp(bytes)]);
    expect(fonts).toContain('NotoSansSC-Regular');
    expect(fonts).not.toContain('NotoSerifSC-Regular');
  }, TIMEOUT);

  it.skipIf(!hasPoppler || !existsSync(DEJAVU))('falls back to the bundled face for characters the configured font lacks', async () => {
    const { bytes, warnings } = await renderPdf(treeOf([para('body', '参与度为30%，P100 English。')]), { fonts: { serif: DEJAVU } });
    expect(warnings).toEqual([]);
    const path = writeTemp(bytes);
    const fonts = run('pdffonts', [path]);
    expect(fonts).toMatch(/[A-Z]{6}\+DejaVuSerif/);
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSerifSC-Regular/);
    expect(normalise(pageText(path, 1))).toContain('参与度为30%，P100English。');
  }, TIMEOUT);

  it('rejects an unreadable font file with an error', async () => {
    await expect(renderPdf(sampleTree(), { fonts: { serif: '/nonexistent/font.ttf' } })).rejects.toThrow();
  });
});
