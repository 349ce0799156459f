/**
 * An institution's reference DOCX (config `referenceDocx`), through the fixture institution
 * in fixtures/institution (built by its build.ts): the DOCX takes its 鉴定-* styles, its page
 * setup and its letterhead (the emblem in the header); the PDF follows its page geometry;
 * the template folder's <img> puts the emblem on the cover of both. A file that is not a
 * DOCX is a config error naming the key.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { MM_TO_PT } from '../../src/document/styles.js';
import { pageSpecFromReferenceDocx, readReferenceDocx, ReferenceDocxError } from '../../src/render/docx/referenceDocx.js';
import { jianding, tmpDir } from '../support/cli.js';
import { part, unzipDocx } from './docxParts.js';
import JSZip from 'jszip';

const DIR = 'fixtures/institution';
const CONFIG = path.join(DIR, 'jianding.config.json');
const LOGO = fs.readFileSync(path.join(DIR, 'templates', 'logo.png'));
const twips = (mm: number): number => Math.round(mm * MM_TO_PT * 20);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const haveBbox = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

describe('the fixture institution\'s reference DOCX', () => {
  const out = tmpDir('jd-ref-');
  let parts: Map<string, string>;
  let zip: JSZip;
  let pdf: string;

  beforeAll(async () => {
    const r = jianding(['--config', CONFIG, 'render', path.join(DIR, 'cases', 'case.yaml'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const docx = fs.readFileSync(path.join(out, 'case.draft-1.docx'));
    parts = await unzipDocx(docx);
    zip = await JSZip.loadAsync(docx);
    pdf = path.join(out, 'case.draft-1.pdf');
  }, 120_000);

  it('reads the page geometry a PDF can follow', () => {
    const page = pageSpecFromReferenceDocx(fs.readFileSync(path.join(DIR, 'reference.docx')));
    expect(page.widthMm).toBeCloseTo(210, 1);
    expect(page.heightMm).toBeCloseTo(297, 1);
    expect([page.marginTopMm, page.marginBottomMm, page.marginLeftMm, page.marginRightMm].map((v) => Math.round(v!))).toEqual([40, 30, 30, 25]);
  });

  it('reads the sizes, weight and faces of its 鉴定-* styles for the PDF', () => {
    const ref = readReferenceDocx(fs.readFileSync(path.join(DIR, 'reference.docx')));
    expect(ref.paragraphs.body).toEqual({ sizePt: 15 });
    expect(ref.paragraphs.heading1).toEqual({ sizePt: 16, bold: true });
    expect(ref.faces.body).toEqual({ eastAsia: '宋体', latin: 'Times New Roman' });
    expect(ref.paragraphs.small).toBeUndefined();
    // Only 鉴定-正文 is resized: the other body-text styles follow it, so the document has one body size.
    expect(ref.paragraphs.bodyFlush).toEqual({ sizePt: 15 });
    expect(ref.paragraphs.heading3).toEqual({ sizePt: 15 });
  });

  it('takes the reference\'s 鉴定-正文 and 鉴定-一级标题 styles, its faces and sizes, under our style ids', () => {
    const styles = part(parts, 'word/styles.xml');
    const byId = new Map((parser.parse(styles)['w:styles']['w:style'] as Record<string, any>[]).map((s) => [s['@w:styleId'], s]));
    expect(byId.get('JdBody')['w:rPr']['w:rFonts']['@w:eastAsia']).toBe('宋体');
    expect(byId.get('JdBody')['w:rPr']['w:sz']['@w:val']).toBe('30');
    expect(byId.get('JdHeading1')['w:rPr']['w:sz']['@w:val']).toBe('32');
    // Styles the reference leaves alone stay ours.
    expect(byId.get('JdSmall')['w:name']['@w:val']).toBe('鉴定-小字');
  });

  it('sets every section on the reference\'s page: its margins', () => {
    const doc = part(parts, 'word/document.xml');
    const margins = [...doc.matchAll(/<w:pgMar ([^>]*)\/>/g)].map((m) => m[1]!);
    expect(margins.length).toBeGreaterThan(0);
    for (const m of margins) {
      expect(m).toContain(`w:top="${twips(40)}"`);
      expect(m).toContain(`w:left="${twips(30)}"`);
      expect(m).toContain(`w:right="${twips(25)}"`);
    }
  });

  it('prints the letterhead, the emblem in every header and the address in every footer', async () => {
    const headers = [...parts.keys()].filter((n) => /^word\/header\d+\.xml$/.test(n));
    expect(headers.length).toBeGreaterThan(0);
    for (const name of headers) {
      const xml = part(parts, name);
      expect(xml).toContain('江苏某某司法鉴定所');
      const embed = /r:embed="([^"]+)"/.exec(xml)?.[1];
      expect(embed, name).toBeDefined();
      const rels = part(parts, `word/_rels/${path.basename(name)}.rels`);
      const target = new RegExp(`Id="${embed}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${embed}"`).exec(rels)?.[1];
      expect(Buffer.from(await zip.file(`word/${target}`)!.async('uint8array'))).toEqual(LOGO);
    }
    for (const name of [...parts.keys()].filter((n) => /^word\/footer\d+\.xml$/.test(n))) expect(part(parts, name)).toContain('地址：江苏省某某市某某区某某路88号某某大厦12楼');
  });

  it('puts the template folder\'s emblem on the cover of the DOCX and the PDF', () => {
    expect(part(parts, 'word/document.xml')).toMatch(/<wp:inline[\s\S]*?descr="江苏某某司法鉴定所徽标"/);
    expect(fs.readFileSync(pdf).toString('latin1')).toMatch(/\/Subtype \/Image[\s\S]*?\/Width 240/);
  });

  it.skipIf(!haveBbox)('lays the PDF out on the reference\'s margins', () => {
    const html = spawnSync('pdftotext', ['-bbox', '-f', '4', '-l', '4', pdf, '-'], { encoding: 'utf8' }).stdout;
    const xs = [...html.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.min(...xs)).toBeCloseTo(30 * MM_TO_PT, 0);
    expect(Math.max(...[...html.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])))).toBeLessThanOrEqual((210 - 25) * MM_TO_PT + 0.5);
  });

  it('writes the same bytes again for the same case, templates and reference', () => {
    const again = tmpDir('jd-ref-again-');
    expect(jianding(['--config', CONFIG, 'render', path.join(DIR, 'cases', 'case.yaml'), '--out', again]).code).toBe(0);
    for (const f of ['case.draft-1.docx', 'case.draft-1.pdf']) expect(fs.readFileSync(path.join(again, f)).equals(fs.readFileSync(path.join(out, f))), f).toBe(true);
  });

  it('refuses a reference that is not a DOCX: a config error naming referenceDocx', () => {
    const dir = tmpDir('jd-ref-bad-');
    fs.writeFileSync(path.join(dir, 'bad.docx'), 'not a zip');
    fs.writeFileSync(path.join(dir, 'jianding.config.json'), JSON.stringify({ referenceDocx: 'bad.docx' }));
    const r = jianding(['--config', path.join(dir, 'jianding.config.json'), 'render', path.resolve(DIR, 'cases', 'case.yaml'), '--out', path.join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('配置 referenceDocx 的参考文档');
    expect(r.stderr).toContain('不是有效的 DOCX');
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('refuses an empty file and a ZIP without a Word document', async () => {
    const z = new JSZip();
    z.file('hello.txt', 'x');
    expect(() => readReferenceDocx(new Uint8Array())).toThrow(ReferenceDocxError);
    const bytes = await z.generateAsync({ type: 'uint8array' });
    expect(() => readReferenceDocx(bytes)).toThrow('缺少 word/document.xml');
  });
});
