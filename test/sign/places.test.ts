/**
 * What a reader of the paper and a signer see: the 查询校验码 and a QR code that scans to the
 * institution's verification page, the 落款's signing places and a seal area that covers no
 * other text, and the same fingerprint in the DOCX.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, PDFHexString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { isValidCode, normaliseCode, verificationCode } from '../../dist/domain/verificationCode.js';
import { readZip } from '../../dist/render/docx/deterministicZip.js';
import { jianding, tmpDir } from '../support/cli.js';
import { hasPoppler } from '../pdf/support.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const JUDICIAL = 'fixtures/01_judicial_surgery_fundoplication_two_grades.yaml';
const ASSOCIATION = 'fixtures/02_association_obstetrics_pph_mediation.yaml';

describe('the 查询校验码', () => {
  const code = verificationCode('3f'.repeat(32));

  it('is four groups of four characters from an alphabet without I, L, O or U', () => {
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(isValidCode(code)).toBe(true);
  });

  it('catches every single mistyped character', () => {
    const chars = code.replace(/-/g, '');
    for (let i = 0; i < chars.length; i++) {
      for (const c of ALPHABET) {
        if (c === chars[i]) continue;
        expect(isValidCode(chars.slice(0, i) + c + chars.slice(i + 1)), `${i}:${c}`).toBe(false);
      }
    }
  });

  it('reads what a person types: lower case, spaces, O for 0 and I or L for 1', () => {
    expect(normaliseCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseCode('0000-0000-0000-0000'.replace(/0/g, 'O'))).toBe('0000-0000-0000-0000');
    expect(normaliseCode('1i1l-1111-1111-1111')).toBe('1111-1111-1111-1111');
  });

  it('differs between fingerprints', () => {
    expect(verificationCode('40'.repeat(32))).not.toBe(code);
  });
});

function decodeQr(pdf: string, page: number, dir: string): string | undefined {
  const prefix = path.join(dir, `qr-${page}`);
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix]);
  const png = PNG.sync.read(fs.readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

const pdfText = (pdf: string, page?: number) => execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', pdf, '-']).toString();

describe.skipIf(!hasPoppler)('verification on the paper', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmpDir('jd-places-');
    for (const f of [JUDICIAL, ASSOCIATION]) expect(jianding(['render', f, '--final', '--out', dir]).code).toBe(0);
  }, 120_000);
  const pdf = (f: string) => path.join(dir, `${path.basename(f, '.yaml')}.pdf`);

  it.each([
    ['the cover of a judicial opinion', JUDICIAL],
    ['the first page of an association opinion', ASSOCIATION],
  ])('the QR code on %s scans to the verification page with the printed code', (_, f) => {
    const code = /查询校验码：(\S+)/.exec(pdfText(pdf(f), 1))?.[1];
    expect(code && isValidCode(code)).toBe(true);
    expect(decodeQr(pdf(f), 1, dir)).toBe(`https://jd.example.org.cn/verify?code=${code}`);
  });

  it('the DOCX carries the same code in its text and its custom document properties, and the QR image', () => {
    const parts = readZip(fs.readFileSync(pdf(ASSOCIATION).replace(/\.pdf$/, '.docx')));
    const code = /查询校验码：(\S+)/.exec(pdfText(pdf(ASSOCIATION), 1))?.[1] as string;
    expect(new TextDecoder().decode(parts.get('docProps/custom.xml'))).toContain(`<vt:lpwstr>${code}</vt:lpwstr>`);
    expect(new TextDecoder().decode(parts.get('word/document.xml'))).toContain(`查询校验码：${code}`);
    expect([...parts.keys()].some((k) => /^word\/media\/.+\.png$/.test(k))).toBe(true);
  });

  it('the PDF embeds the case file it was made from, byte for byte', async () => {
    const doc = await PDFDocument.load(fs.readFileSync(pdf(JUDICIAL)));
    const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
    expect((names.lookup(0) as PDFString | PDFHexString).decodeText()).toBe(path.basename(JUDICIAL));
  });
});

interface Field { name: string; tooltip: string; rect: number[]; page: number }

async function fieldsOf(file: string): Promise<Field[]> {
  const doc = await PDFDocument.load(fs.readFileSync(file));
  const pages = doc.getPages().map((p) => p.ref.toString());
  const fields = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookup(PDFName.of('Fields'), PDFArray);
  return (fields?.asArray() ?? []).map((ref) => {
    const w = doc.context.lookup(ref, PDFDict);
    const text = (k: string) => (w.lookup(PDFName.of(k)) as PDFString | PDFHexString).decodeText();
    return { name: text('T'), tooltip: text('TU'), rect: w.lookup(PDFName.of('Rect'), PDFArray).asRectangle() ? Object.values(w.lookup(PDFName.of('Rect'), PDFArray).asRectangle()) : [], page: pages.indexOf(String(w.get(PDFName.of('P')))) + 1 };
  });
}

/** Words on a page with their boxes (points, y down), from pdftotext -bbox. */
function words(file: string, page: number): { text: string; x0: number; y0: number; x1: number; y1: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-']).toString();
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x0: +m[1]!, y0: +m[2]!, x1: +m[3]!, y1: +m[4]!, text: m[5]! }));
}

describe.skipIf(!hasPoppler)('the 落款 reserves real places', () => {
  let dir: string;
  beforeAll(() => {
    dir = tmpDir('jd-seal-');
    expect(jianding(['render', JUDICIAL, '--final', '--out', dir]).code).toBe(0);
    expect(jianding(['render', JUDICIAL, '--draft', '--out', dir]).code).toBe(0);
  }, 120_000);
  const final = () => path.join(dir, `${path.basename(JUDICIAL, '.yaml')}.pdf`);

  it('a final has an unsigned signature field beside each signer and one for the seal; the seal area is at least 42 mm', async () => {
    const fields = await fieldsOf(final());
    expect(fields.map((f) => f.tooltip)).toEqual(['司法鉴定人：刘某某', '司法鉴定人：周某', '复核人：吴某某', '江苏某某司法鉴定所（印章）']);
    const seal = fields.find((f) => f.name === 'seal')!;
    const [, , width, height] = seal.rect as [number, number, number, number];
    expect(Math.min(width, height)).toBeGreaterThanOrEqual((42 * 72) / 25.4 - 0.01);
    for (const f of fields.filter((x) => x.name !== 'seal')) expect(f.rect[2]).toBeGreaterThanOrEqual((40 * 72) / 25.4);
  });

  it('the seal circle covers only the institution name and the date, which the text prints instead of a placeholder', async () => {
    const seal = (await fieldsOf(final())).find((f) => f.name === 'seal')!;
    const [x, y, w] = seal.rect as [number, number, number, number];
    const pageHeight = 841.89;
    const cx = x + w / 2;
    const cy = pageHeight - (y + w / 2);
    const inside = words(final(), seal.page).filter((word) => {
      const nx = Math.max(word.x0, Math.min(cx, word.x1));
      const ny = Math.max(word.y0, Math.min(cy, word.y1));
      return Math.hypot(nx - cx, ny - cy) < w / 2;
    });
    expect(inside.map((v) => v.text).join('')).toBe('江苏某某司法鉴定所二〇二六年四月三日');
    expect(pdfText(final())).not.toContain('专用章');
  });

  it('a draft has no fields to sign but lays out exactly like the final', async () => {
    const draft = path.join(dir, `${path.basename(JUDICIAL, '.yaml')}.draft-1.pdf`);
    expect(await fieldsOf(draft)).toEqual([]);
    const pages = (f: string) => /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [f]).toString())?.[1];
    expect(pages(draft)).toBe(pages(final()));
  });
});
