/** Extreme but valid cases: huge paragraphs, a thousand treatment entries, missing optional parts, odd characters. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { renderCase } from '../../src/pipeline/renderCase.js';
import type { CaseInput } from '../../src/schema/case.js';
import { baseCase } from '../support/baseCase.js';
import { jianding, tmpDir } from '../support/cli.js';
import { textOf, unzipDocx } from '../docx/docxParts.js';
import { hasPoppler, normalise, run, writeTemp } from '../pdf/support.js';

async function render(edit: (c: CaseInput) => void) {
  const c = baseCase();
  edit(c);
  const loaded = loadCase(Buffer.from(JSON.stringify(c)), 'big.json');
  expect(loaded.ok, JSON.stringify(loaded.diagnostics)).toBe(true);
  const r = await renderCase(loaded.case!, { formats: ['docx', 'pdf'], caseSha256: loaded.sha256, generator: 'test' });
  const docxText = textOf((await unzipDocx(r.outputs[0]!.bytes)).get('word/document.xml')!);
  return { r, loaded, docxText, pdf: r.outputs[1]!.bytes };
}

const pdfText = (bytes: Uint8Array) => normalise(run('pdftotext', ['-raw', writeTemp(bytes, 'big.pdf'), '-']));

describe('extreme but valid cases', () => {
  it('a 100,000-character paragraph', async () => {
    const sentence = '患方认为医方术后观察不及时，引流液性状改变未予处理，延误诊治。';
    const long = `开头标记${sentence.repeat(Math.ceil(100_000 / sentence.length))}结尾标记`;
    const { docxText, pdf, r } = await render((c) => { c.statements.patientSide = long; });
    expect(docxText).toContain(long);
    expect(r.pageCount).toBeGreaterThan(100);
    if (hasPoppler) {
      const text = pdfText(pdf);
      expect(text).toContain('开头标记');
      expect(text).toContain('结尾标记');
    }
  }, 120_000);

  it('1,000 treatment entries', async () => {
    const { docxText } = await render((c) => {
      c.basicInfo.treatment = Array.from({ length: 1000 }, (_, i) => ({ institution: 'H1', from: '2025-10-08', setting: '门诊', summary: `第${i + 1}次门诊复诊记录。` }));
    });
    expect(docxText).toContain('第1次门诊复诊记录。');
    expect(docxText).toContain('第1000次门诊复诊记录。');
    expect(docxText.match(/门诊诊疗经过/g)?.length).toBe(1000);
  }, 120_000);

  it('no optional parts at all', async () => {
    const { docxText } = await render((c) => {
      delete c.process.examination;
      delete c.institution.address;
      delete c.institution.phone;
      delete c.basicInfo.patient.age;
      c.citations = [];
      c.process.hearing.patientSide = [];
      c.process.hearing.medicalSide = [];
    });
    // Both absent: said once, with the article by name, not three times.
    expect(docxText).toContain('医患双方经通知均未到会，依据《江苏省医疗损害鉴定管理办法》第二十条不影响听证会的进行，专家依据鉴定材料进行了讨论。');
    expect(docxText).not.toContain('患方经通知未到会');
    expect(docxText).toContain('七、鉴定意见');
  });

  it('a character the fonts lack is marked and reported with where it is', async () => {
    const { r, pdf } = await render((c) => { c.basicInfo.patient.name = '𠮷某某'; c.statements.medicalSide = '医方认为𪚥字病历记载无误。'; });
    const missing = r.warnings.filter((w) => w.code === 'PDF_MISSING_GLYPH').map((w) => w.message);
    expect(missing.some((m) => m.includes('「𪚥」（U+2A6A5）') && m.includes('医方认为𪚥字病历'))).toBe(true);
    if (hasPoppler) expect(pdfText(pdf)).toContain('医方认为□字病历记载无误');
  });

  it('control characters are reported and never make the DOCX invalid', async () => {
    const { loaded, docxText } = await render((c) => { c.statements.medicalSide = '医方认为\u0007病历记载无误。'; });
    const d = loaded.diagnostics.find((x) => x.code === 'TEXT_CONTROL_CHARACTER')!;
    expect(d.path).toBe('statements.medicalSide[0]');
    expect(d.message).toContain('U+0007');
    expect(docxText).toContain('医方认为\uFFFD病历记载无误。');
  });

  it('the batch workers have room for the largest of these', () => {
    const dir = tmpDir('jd-big-');
    const c = baseCase();
    c.statements.patientSide = '患方认为医方延误诊治。'.repeat(10_000);
    c.basicInfo.treatment = Array.from({ length: 1000 }, (_, i) => ({ institution: 'H1', from: '2025-10-08', summary: `第${i + 1}次复诊。` }));
    fs.writeFileSync(path.join(dir, 'big.json'), JSON.stringify(c));
    const r = jianding(['batch', dir, '--out', path.join(dir, 'out')]);
    expect(r.stdout).toContain('共 1 件：已生成 1');
    expect(r.code).toBe(0);
  }, 300_000);
});
