/**
 * Every bundled fixture rendered as a user gets it: the DOCX opens (well-formed XML) and carries
 * the Article 24 parts, the case's key facts and the enriched wording; the PDF reads back in
 * order with poppler, every glyph has ink, and no text leaves the page margins.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentTree, Inline } from '../src/document/tree.js';
import { loadCase } from '../src/parse/loadCase.js';
import { buildTree, type BuiltDocument } from '../src/pipeline/buildTree.js';
import { renderDocx } from '../src/render/docx/index.js';
import { loadFontSet } from '../src/render/pdf/fonts.js';
import { layoutSectionPages, renderPdf } from '../src/render/pdf/index.js';
import { layoutDocument } from '../src/render/pdf/layout.js';
import { textOf, unzipDocx, xmlPartNames, xmlProblem } from './docx/docxParts.js';
import { inkFailures } from './pdf/ink.js';
import { styleSheetOf } from '../src/document/styleOverrides.js';
import { geometryOf, hasPoppler, normalise, run, writeTemp } from './pdf/support.js';

const FIXTURES = fs.readdirSync('fixtures').filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
const plain = (inlines: Inline[]) => inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
const headings = (tree: DocumentTree, style: string) => tree.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'paragraph' && b.style === style ? [plain(b.inlines)] : []));

/** Positions of each needle in order; -1 where one is missing or out of order. */
function inOrder(haystack: string, needles: string[]): number[] {
  let from = 0;
  return needles.map((n) => {
    const at = haystack.indexOf(n, from);
    if (at >= 0) from = at + n.length;
    return at;
  });
}

describe.each(FIXTURES)('%s', (file) => {
  let built: BuiltDocument;
  let docx: Uint8Array;
  let pdf: Awaited<ReturnType<typeof renderPdf>>;
  beforeAll(async () => {
    const loaded = loadCase(fs.readFileSync(path.join('fixtures', file)), file);
    expect(loaded.ok).toBe(true);
    built = buildTree(loaded.case!, { caseSha256: loaded.sha256, generator: 'test' });
    pdf = await renderPdf(built.tree);
    docx = await renderDocx(built.tree, { sectionPages: await layoutSectionPages(built.tree) });
  });

  it('DOCX: well-formed parts with every heading, the key facts and the composed opinion', async () => {
    const parts = await unzipDocx(docx);
    for (const name of xmlPartNames(parts)) expect(xmlProblem(parts.get(name)!), name).toBeUndefined();
    const text = textOf(parts.get('word/document.xml')!);
    const m = built.model;
    const required = [...headings(built.tree, 'heading1'), m.title, m.documentNumber, m.patient.name, m.commission.client, ...m.conclusions];
    for (const s of required) expect(text, s).toContain(s);
    if (m.autopsyCaveat) expect(text).toContain(m.autopsyCaveat);
  });

  it('PDF: no missing glyphs, and poppler reads the headings and the opinion back in order', () => {
    expect(pdf.warnings).toEqual([]);
    if (!hasPoppler) return;
    const pdfPath = writeTemp(pdf.bytes, `${file}.pdf`);
    const g = geometryOf(built.tree);
    // Page by page, cropped to the text block, so headers and page numbers do not split sentences.
    const crop = ['-x', String(Math.floor(g.marginLeft)), '-y', String(Math.floor(g.marginTop)), '-W', String(Math.ceil(g.textWidth)), '-H', String(Math.ceil(g.textHeight))];
    const pages = Array.from({ length: pdf.pageCount }, (_, i) => run('pdftotext', ['-raw', '-r', '72', '-f', String(i + 1), '-l', String(i + 1), ...crop, pdfPath, '-']));
    const text = normalise(pages.join(''));
    for (const needles of [headings(built.tree, 'heading1'), built.model.conclusions].map((list) => list.map(normalise))) {
      expect(inOrder(text, needles).every((i) => i >= 0), JSON.stringify(needles)).toBe(true);
    }
  });

  it.skipIf(!hasPoppler)('PDF: every glyph has ink and all text stays inside the page', async () => {
    const pdfPath = writeTemp(pdf.bytes, `${file}-ink.pdf`);
    const plan = layoutDocument(built.tree, await loadFontSet());
    expect(plan.pages.length).toBe(pdf.pageCount);
    expect(inkFailures(pdfPath, plan).slice(0, 5)).toEqual([]);
    const g = geometryOf(built.tree);
    const words = [...run('pdftotext', ['-bbox', pdfPath, '-']).matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.)/g)];
    for (const [, x0, y0, x1, y1, first] of words) {
      // A line-initial Ⅰ/Ⅱ is set on its ink (CJK faces centre it in a full em): its nominal box starts up to ⅓ em left of the margin, its ink at it.
      const bearing = /[\u2160-\u217f]/.test(first!) ? styleSheetOf(built.tree).paragraphs.body.sizePt / 3 : 0;
      expect(Number(x0)).toBeGreaterThanOrEqual(g.marginLeft - 1 - bearing);
      expect(Number(x1)).toBeLessThanOrEqual(g.width - g.marginRight + 1);
      expect(Number(y0)).toBeGreaterThanOrEqual(0);
      expect(Number(y1)).toBeLessThanOrEqual(g.height);
    }
  });
});
