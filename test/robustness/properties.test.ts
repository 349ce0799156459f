/**
 * Property: any case that passes validation renders to a DOCX whose XML is well-formed and a
 * PDF that poppler reads, with all of the case's text present — over realistic and hostile
 * text (every plane, emoji, combining marks, CJK Extension B, right-to-left, markup and
 * Handlebars look-alikes, control characters, unbreakable words).
 * Fixed seed and bounded runs here; `npm run test:long` runs many more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { buildTree } from '../../src/pipeline/buildTree.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import type { CaseInput } from '../../src/schema/case.js';
import { baseCase } from '../support/baseCase.js';
import { textOf, unzipDocx, xmlPartNames, xmlProblem } from '../docx/docxParts.js';
import { geometryOf, hasPoppler, normalise, run, writeTemp } from '../pdf/support.js';

const RUNS = Number(process.env.JIANDING_PROPERTY_RUNS ?? 12);
const SEED = Number(process.env.JIANDING_PROPERTY_SEED ?? 20261123);

/** Text that every output must carry verbatim: common CJK, digits, Latin letters. */
const SAFE_CHARS = [...'医疗损害鉴定意见书患者张某某术后胆漏因果关系参与度临床判定资料ABCDEFGHxyz0123456789'];
const safe = fc.array(fc.constantFrom(...SAFE_CHARS), { minLength: 3, maxLength: 12 }).map((cs) => `〔${cs.join('')}〕`);

const HOSTILE = [
  '{{title}}', '{{> signature}}', '{{#each x}}', '<w:t>', '</w:t></w:r>', ']]>', '&amp;', '&', '<script>alert(1)</script>',
  '\u0007', '\u0000', '\u001B[31m', '\uFFFE', '\u202Eevil\u202C', 'שלום עולם', 'مرحبا', 'e\u0301\u0323', '𠮷野家', '𪚥', '😀👨‍👩‍👧', '🇨🇳',
  'W'.repeat(120), '9'.repeat(80), 'https://example.invalid/a/very/long/path/without/any/break/opportunity', '\t', '　', '，。、；：？！）」』》', '（「『《',
];
const hostile = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'binary', maxLength: 12 }));

/** A paragraph of alternating safe and hostile pieces; the safe pieces are what we look for later. */
const paragraph = fc.array(fc.tuple(safe, hostile), { minLength: 1, maxLength: 4 }).map((pairs) => ({
  text: pairs.map(([s, h]) => s + h).join(''),
  safe: pairs.map(([s]) => s),
}));

interface Generated { patientSide: { text: string; safe: string[] }[]; summary: { text: string; safe: string[] }; analysis: { text: string; safe: string[] }; conduct: { text: string; safe: string[] } }

const generated: fc.Arbitrary<Generated> = fc.record({
  patientSide: fc.array(paragraph, { minLength: 1, maxLength: 3 }),
  summary: paragraph,
  analysis: paragraph,
  conduct: paragraph,
});

function caseWith(g: Generated): CaseInput {
  const c = baseCase();
  c.statements.patientSide = g.patientSide.map((p) => p.text);
  c.basicInfo.summary = [g.summary.text];
  c.faultAnalysis.items[0]!.analysis = [g.analysis.text];
  c.faultAnalysis.items[0]!.conduct = g.conduct.text;
  return c;
}

const needles = (g: Generated) => [...g.patientSide.flatMap((p) => p.safe), ...g.summary.safe, ...g.analysis.safe, ...g.conduct.safe];

async function pdfText(bytes: Uint8Array, pages: number, tree: Parameters<typeof geometryOf>[0]): Promise<string> {
  const path = writeTemp(bytes, 'property.pdf');
  const g = geometryOf(tree);
  const crop = ['-x', String(Math.floor(g.marginLeft)), '-y', String(Math.floor(g.marginTop)), '-W', String(Math.ceil(g.textWidth)), '-H', String(Math.ceil(g.textHeight))];
  return normalise(Array.from({ length: pages }, (_, i) => run('pdftotext', ['-raw', '-r', '72', '-f', String(i + 1), '-l', String(i + 1), ...crop, path, '-'])).join(''));
}

describe('any valid case renders completely', () => {
  it('DOCX well-formed and PDF readable, with every piece of the case text present', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(generated, async (g) => {
        const loaded = loadCase(Buffer.from(JSON.stringify(caseWith(g))), 'generated.json');
        if (!loaded.ok) {
          // Refusal is allowed only with a reason.
          expect(loaded.diagnostics.length).toBeGreaterThan(0);
          return;
        }
        rendered++;
        const { tree } = buildTree(loaded.case!, { caseSha256: loaded.sha256, generator: 'property' });
        const pdf = await renderPdf(tree);
        const parts = await unzipDocx(await renderDocx(tree, { sectionPages: pdf.sectionPages }));
        for (const name of xmlPartNames(parts)) expect(xmlProblem(parts.get(name)!), name).toBeUndefined();
        const docText = textOf(parts.get('word/document.xml')!);
        for (const s of needles(g)) expect(docText).toContain(s);
        if (hasPoppler) {
          const text = await pdfText(pdf.bytes, pdf.pageCount, tree);
          for (const s of needles(g)) expect(text).toContain(normalise(s));
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    // The generator must mostly produce valid cases, or the property proves little.
    expect(rendered).toBeGreaterThan(RUNS / 2);
  }, 3_600_000);
});
