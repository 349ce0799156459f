/**
 * The corpus (test/deid/corpus, built by makeCorpus.ts): 24 cases with planted personal data of
 * every category, in fields and narrative, in many spellings. Each is rendered as a training
 * sample, and the PDF's text (pdftotext) and the DOCX's XML must hold none of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { renderCase } from '../../src/pipeline/renderCase.js';
import { fold } from '../../src/deid/text.js';
import { unzipDocx } from '../docx/docxParts.js';
import { hasPoppler, run, writeTemp } from '../pdf/support.js';

const DIR = path.resolve('test/deid/corpus');
interface Plant { file: string; patient: string; pseudonym: string; values: { category: string; value: string }[]; sameSurname: [string, string] }
const plants = JSON.parse(fs.readFileSync(path.join(DIR, 'planted.json'), 'utf8')) as Plant[];
const fixtureText = (file: string) => fs.readFileSync(path.resolve('fixtures', fs.readdirSync('fixtures').find((f) => f.slice(3) === file.slice(3))!), 'utf8');

/** Full-width folded, spaces and hyphens gone: 138 1234-5678 and １３８１２３４５６７８ compare equal. */
const norm = (s: string) => fold(s).replace(/[\s\-\u00ad]/g, '');

/** Every XML part (document, headers, footers, core properties), or only the pages' (word/): tags dropped. */
async function docxText(bytes: Uint8Array, pagesOnly = false): Promise<string> {
  const parts = await unzipDocx(bytes);
  return [...parts].filter(([n]) => n.endsWith('.xml') && (!pagesOnly || n.startsWith('word/'))).map(([, xml]) => xml.replace(/<[^>]+>/g, '')).join('\n');
}

const count = (text: string, word: string) => text.split(word).length - 1;

describe.skipIf(!hasPoppler)('de-identification corpus: nothing planted survives in the PDF text or the DOCX XML', () => {
  it('has at least 20 cases, each planting every category', () => {
    expect(plants.length).toBeGreaterThanOrEqual(20);
    const categories = new Set(plants.flatMap((p) => p.values.map((v) => v.category)));
    expect([...categories].sort()).toEqual(['address', 'bankCard', 'birthDate', 'email', 'idNumber', 'institution', 'person', 'phone', 'plate', 'recordNumber'].sort());
  });

  for (const p of plants) {
    it(p.file, async () => {
      const loaded = loadCase(fs.readFileSync(path.join(DIR, p.file)), p.file);
      expect(loaded.ok).toBe(true);
      const rendered = await renderCase(loaded.case!, { formats: ['docx', 'pdf'], sample: true, caseSha256: loaded.sha256, generator: 'test' });
      const pdf = norm(run('pdftotext', ['-raw', writeTemp(rendered.outputs.find((o) => o.format === 'pdf')!.bytes, 'sample.pdf'), '-']));
      const docxBytes = rendered.outputs.find((o) => o.format === 'docx')!.bytes;
      const docx = norm(await docxText(docxBytes));
      const source = fixtureText(p.file);
      // A planted short form that the fixture itself contains (第一医院 in 某某医科大学附属第一医院) proves nothing.
      const planted = p.values.filter((v) => !norm(source).includes(norm(v.value)));
      const survivors = planted.filter((v) => pdf.includes(norm(v.value)) || docx.includes(norm(v.value)));
      expect(survivors).toEqual([]);
      const [patient, relative] = p.sameSurname;
      const surname = p.pseudonym.replace(/某+$/, '');
      if (relative.startsWith(surname)) {
        // Two people of one surname are told apart, the same way in both files.
        for (const x of [`${surname}某甲`, `${surname}某乙`]) expect(pdf.includes(x) && docx.includes(x), x).toBe(true);
      } else if (!loaded.case!.panel.experts.concat(loaded.case!.appraisers as never).some((e: { name: string }) => e.name.startsWith(surname) && e.name.includes('某'))) {
        expect(pdf).toContain(p.pseudonym);
        // The same person is the same pseudonym, as often on the PDF's pages as on the DOCX's.
        expect(count(pdf, p.pseudonym)).toBe(count(norm(await docxText(docxBytes, true)), p.pseudonym));
      }
      expect(patient).not.toBe('');
      expect(rendered.deid!.text).toContain('培训样本去标识化报告');
    });
  }
});
