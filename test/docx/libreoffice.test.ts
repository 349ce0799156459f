/**
 * Opens the DOCX in a real layout engine: LibreOffice converts it to PDF and pdftotext
 * reads the pages back. Skipped where soffice is not installed (CI installs it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Block } from '../../src/document/tree.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { para, sampleTree } from '../support/sampleTree.js';
import { edgeTree } from './edgeCases.js';

const available = (cmd: string, arg: string): boolean => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
const haveTools = available('soffice', '--version') && available('pdftotext', '-v');

const FRONT_PAGES = 2; // cover + 声明 in the sample tree
let dir = '';

/** DOCX → PDF with a private LibreOffice profile; returns the text of each page, whitespace removed. */
function pdfPages(docx: Uint8Array, name: string): string[] {
  const src = join(dir, `${name}.docx`);
  writeFileSync(src, docx);
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, src], { stdio: 'ignore', timeout: 120_000 });
  const text = execFileSync('pdftotext', ['-layout', join(dir, `${name}.pdf`), '-'], { encoding: 'utf8' });
  // pdftotext ends every page with a form feed.
  return text.split('\f').slice(0, -1).map((p) => p.replace(/\s+/g, ''));
}

describe.skipIf(!haveTools)('LibreOffice rendering', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'jianding-docx-lo-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the text, numbers body pages from 1 and counts only body pages', { timeout: 180_000 }, async () => {
    const pages = pdfPages(await renderDocx(sampleTree()), 'sample');
    const all = pages.join('');
    for (const s of ['某某司法鉴定所司法鉴定意见书', '声明', '一、基本情况', '（一）某某市第一人民医院诊疗经过', '三、分析说明', '四、鉴定意见',
      '换行后的第二行，含Englishwords、2026-11-22与30%。', '鉴定人：李某某', '二〇二六年十一月二十二日']) expect(all).toContain(s);

    const bodyPages = pages.length - FRONT_PAGES;
    expect(bodyPages).toBeGreaterThanOrEqual(3);
    for (const front of pages.slice(0, FRONT_PAGES)) expect(front).not.toMatch(/第\d+页/);
    expect(pages[FRONT_PAGES]).toContain('苏某司鉴〔2026〕临鉴字第12号');
    expect(pages[FRONT_PAGES]).toContain(`第1页共${bodyPages}页`);
    expect(pages[pages.length - 1]).toContain(`第${bodyPages}页共${bodyPages}页`);
    // The 落款 shares its page with the conclusions.
    const last = pages[pages.length - 1]!;
    expect(last).toContain('鉴定人：李某某');
    expect(last).toContain('2.患者死亡后未行尸体解剖');
  });

  it('never leaves the signature alone on a page', { timeout: 180_000 }, async () => {
    // Enough one-line paragraphs that the 落款 no longer fits under them on the first page.
    const tree = sampleTree();
    const body = tree.sections[1]!;
    const sig = body.blocks.find((b) => b.kind === 'signature') as Block;
    body.blocks = [...Array.from({ length: 23 }, (_, i) => para('body', `第${i + 1}行正文。`)), sig];
    const pages = pdfPages(await renderDocx(tree), 'chain');
    expect(pages.length - FRONT_PAGES).toBe(2);
    const withSignature = pages.find((p) => p.includes('鉴定人：李某某'))!;
    expect(withSignature).toMatch(/第\d+行正文。/);
    expect(withSignature).toContain('第23行正文。');
  });

  it('opens awkward trees: empty sections, odd tables, an empty page', { timeout: 180_000 }, async () => {
    const pages = pdfPages(await renderDocx(edgeTree()), 'edge');
    const all = pages.join('');
    for (const s of ['无列宽甲', '多出的单元格', '空白页之后', '分页后的表格', '鉴定人：李某某']) expect(all).toContain(s);
    expect(pages.find((p) => p.includes('—1—'))).toBeDefined();
    const blank = pages.findIndex((p) => p.includes('空白页之后')) - 1;
    expect(pages[blank]).toMatch(/^第二个正文节第\d+页共\d+页$/); // only the header: the empty page
  });
});
