/**
 * The institution's style sheet in its config file (`style`): page size, margins, line pitch
 * and paragraph styles reach both documents, and a bad value is one clear message.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { jianding, tmpDir } from '../support/cli.js';

const CASE = path.resolve('templates/init/association.yaml');
const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
const MM = 72 / 25.4;

function withConfig(config: unknown): string {
  const dir = tmpDir('jd-style-');
  fs.writeFileSync(path.join(dir, 'jianding.config.json'), JSON.stringify(config));
  return dir;
}

function configError(style: unknown): string {
  const r = jianding(['validate', CASE], { cwd: withConfig({ style }) });
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  return r.stderr;
}

describe('a bad style sheet is refused before anything is set', () => {
  it('names the key and the bound', () => {
    expect(configError({ page: { marginLeftMm: 150 } })).toContain('style.page.marginLeftMm 至多 100 毫米');
    expect(configError({ paragraphs: { body: { sizePt: 2 } } })).toContain('style.paragraphs.body.sizePt 至少 5 磅');
  });

  it('lists the paragraph styles and roles there are', () => {
    expect(configError({ paragraphs: { bodyText: { sizePt: 14 } } })).toContain('style.paragraphs.bodyText 不是段落样式；段落样式须为 coverTitle');
    expect(configError({ paragraphs: { body: { sizex: 14 } } })).toContain('style.paragraphs.body 有不认识的键：sizex');
    expect(configError({ paragraphs: { body: { font: 'mingti' } } })).toContain('kai（楷体）');
  });

  it('refuses a page whose text block cannot hold a line, or lines that would overlap', () => {
    expect(configError({ page: { widthMm: 120, marginLeftMm: 30, marginRightMm: 30 } })).toContain('版心宽度');
    expect(configError({ page: { linePitchPt: 12 } })).toContain('行会重叠');
  });
});

describe('a style sheet reaches both documents', () => {
  const style = { page: { marginLeftMm: 35, marginRightMm: 20 }, paragraphs: { body: { sizePt: 15 } } };

  it.skipIf(!hasPoppler)('PDF: body text starts at the configured left margin', () => {
    const dir = withConfig({ style });
    const r = jianding(['render', CASE, '--out', path.join(dir, 'out'), '--format', 'pdf'], { cwd: dir });
    expect(r.code).toBe(0);
    const pdf = fs.readdirSync(path.join(dir, 'out')).find((f) => f.endsWith('.pdf'))!;
    const html = spawnSync('pdftotext', ['-bbox', '-f', '2', '-l', '2', path.join(dir, 'out', pdf), '-'], { encoding: 'utf8' }).stdout;
    const lefts = [...html.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1]));
    // Flush-left lines start at the margin; indented body lines two characters in.
    expect(Math.min(...lefts)).toBeCloseTo(35 * MM, 0);
  });

  it('DOCX: page margins and the body style follow the config', async () => {
    const dir = withConfig({ style });
    expect(jianding(['render', CASE, '--out', path.join(dir, 'out'), '--format', 'docx'], { cwd: dir }).code).toBe(0);
    const docx = fs.readdirSync(path.join(dir, 'out')).find((f) => f.endsWith('.docx'))!;
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'out', docx)));
    const document = await zip.file('word/document.xml')!.async('string');
    expect(document).toMatch(new RegExp(`w:left="${Math.round(35 * 56.6929)}|w:left="198[0-9]"`));
    const styles = await zip.file('word/styles.xml')!.async('string') + document;
    expect(styles).toContain('<w:sz w:val="30"/>');
  });

  it('DOCX: fontNames name the institution’s face per role, the preset’s face first among the fallbacks', async () => {
    const dir = withConfig({ style: { fontNames: { fangsong: '方正仿宋_GBK' } } });
    expect(jianding(['render', CASE, '--out', path.join(dir, 'out'), '--format', 'docx'], { cwd: dir }).code).toBe(0);
    const docx = fs.readdirSync(path.join(dir, 'out')).find((f) => f.endsWith('.docx'))!;
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(dir, 'out', docx)));
    const styles = await zip.file('word/styles.xml')!.async('string');
    const body = /<w:style [^>]*w:styleId="[^"]*"[^>]*>\s*<w:name w:val="鉴定-正文"\/>[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(body).toContain('w:eastAsia="方正仿宋_GBK"');
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toContain('<w:font w:name="方正仿宋_GBK"><w:altName w:val="仿宋_GB2312"/>');
  });

  it('changes the verification code: another style sheet, another document', () => {
    const plain = tmpDir('jd-style-');
    const styled = withConfig({ style });
    const code = (dir: string) => {
      expect(jianding(['render', CASE, '--out', path.join(dir, 'out'), '--format', 'pdf'], { cwd: dir }).code).toBe(0);
      const manifest = fs.readdirSync(path.join(dir, 'out')).find((f) => f.endsWith('.manifest.json'))!;
      return (JSON.parse(fs.readFileSync(path.join(dir, 'out', manifest), 'utf8')) as { versions: { verificationCode: string }[] }).versions[0]!.verificationCode;
    };
    expect(code(plain)).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(code(plain)).not.toBe(code(styled));
  });
});
