/**
 * `<img src width>` in template output: a PNG or JPEG from the institution's template folder
 * becomes an image block that both formats print; every refusal names the template file and
 * the tag, in Chinese.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { ImageBlock } from '../../src/document/tree.js';
import { MM_TO_PT } from '../../src/document/styles.js';
import { renderDocx } from '../../src/render/docx/index.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { markupToTree, MarkupError } from '../../src/templates/markup.js';
import { unzipDocx } from '../docx/docxParts.js';
import { build, templateError, templatesDir } from './support.js';

function png(width: number, height: number): Buffer {
  const img = new PNG({ width, height });
  img.data.fill(0x80);
  return PNG.sync.write(img);
}

/** A baseline JPEG header: SOI, a JFIF APP0 segment, then SOF0 with the frame size (enough for the size reader). */
function jpegHeader(width: number, height: number): Buffer {
  const jfif = [0xff, 0xe0, 0, 16, ...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0];
  return Buffer.from([0xff, 0xd8, ...jfif, 0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xff, 0xd9]);
}

/** The same JPEG with an EXIF APP1 segment saying the pixels must be turned (orientation 6: 90° clockwise). */
function jpegTurned(width: number, height: number, orientation: number): Buffer {
  const tiff = [0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, orientation, 0, 0, 0, 0, 0, 0];
  const app1 = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff];
  const segment = [0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 0xff, ...app1];
  const plain = jpegHeader(width, height);
  return Buffer.concat([plain.subarray(0, 2), Buffer.from(segment), plain.subarray(2)]);
}

const withCover = (img: string, files: Record<string, string | Buffer> = {}) => {
  const dir = templatesDir({ 'partials/statements.hbs': `${img}<p>当事人陈述</p>` });
  for (const [rel, data] of Object.entries(files)) fs.writeFileSync(path.join(dir, rel), data);
  return dir;
};

const imagesOf = (tree: ReturnType<typeof build>['tree']): ImageBlock[] => tree.sections.flatMap((s) => s.blocks).filter((b): b is ImageBlock => b.kind === 'image');

describe('<img> in block markup', () => {
  it('places a PNG from the template folder at its width, the height following its proportions', () => {
    const { tree } = build(withCover('<img src="logo.png" width="30mm" align="center" alt="徽标">', { 'logo.png': png(200, 100) }));
    const [img] = imagesOf(tree);
    expect(img).toMatchObject({ format: 'png', align: 'center', alt: '徽标' });
    expect(img!.widthPt).toBeCloseTo(30 * MM_TO_PT, 5);
    expect(img!.heightPt).toBeCloseTo(15 * MM_TO_PT, 5);
  });

  it('reads a JPEG\'s size from its frame header', () => {
    const { tree } = build(withCover('<img src="photo.jpg" height="2cm"/>', { 'photo.jpg': jpegHeader(300, 150) }));
    expect(imagesOf(tree)[0]).toMatchObject({ format: 'jpeg' });
    expect(imagesOf(tree)[0]!.widthPt).toBeCloseTo(40 * MM_TO_PT, 5);
  });

  it('places a JPEG whose EXIF orientation says it is stored upright', () => {
    const { tree } = build(withCover('<img src="photo.jpg" height="2cm"/>', { 'photo.jpg': jpegTurned(300, 150, 1) }));
    expect(imagesOf(tree)[0]!.widthPt).toBeCloseTo(40 * MM_TO_PT, 5);
  });

  it.each([
    ['<img src="nosuch.png" width="30mm">', {}, '<img src="nosuch.png">：在模板文件夹中找不到图片文件'],
    ['<img src="logo.gif" width="30mm">', { 'logo.gif': Buffer.from('GIF89a......') }, '<img src="logo.gif">：只能使用 PNG 或 JPEG 图片'],
    ['<img src="cut.png" width="30mm">', { 'cut.png': png(20, 10).subarray(0, 20) }, '<img src="cut.png">：只能使用 PNG 或 JPEG 图片'],
    ['<img src="phone.jpg" width="30mm">', { 'phone.jpg': jpegTurned(300, 150, 6) }, '<img src="phone.jpg">：JPEG 图片带有 EXIF 方向标记（6'],
    ['<img src="logo.png" width="30">', { 'logo.png': png(2, 2) }, '<img width="30">：width 应为带单位（mm/cm/pt）的长度'],
    ['<img src="logo.png" width="400mm">', { 'logo.png': png(2, 2) }, '不超过 297mm'],
    ['<img src="../outside.png" width="30mm">', {}, '<img src="../outside.png">'],
    ['<img width="30mm">', {}, '<img> 缺少 src'],
  ])('%s is refused, naming the template and the tag', (img, files, message) => {
    const e = templateError(() => build(withCover(img, files as Record<string, Buffer>)));
    expect(e.message).toContain('statements.hbs');
    expect(e.message).toContain(message);
  });

  it('changes the 查询校验码 when the picture changes (its hash is among the templates\')', () => {
    const img = '<img src="logo.png" width="30mm">';
    const a = build(withCover(img, { 'logo.png': png(20, 10) }));
    const b = build(withCover(img, { 'logo.png': png(20, 11) }));
    expect(a.templates.hashes['logo.png']).toMatch(/^[0-9a-f]{64}$/);
    expect(a.fingerprint.code).not.toBe(b.fingerprint.code);
  });

  it('is refused where no image can be read (markup parsed without a template folder)', () => {
    expect(() => markupToTree('<document><section><img src="a.png" width="1cm"></section></document>')).toThrow(MarkupError);
  });

  it('prints in the DOCX (an inline picture in the media) and in the PDF (an image XObject)', async () => {
    const logo = png(64, 32);
    const { tree } = build(withCover('<img src="logo.png" width="30mm" align="center" alt="徽标">', { 'logo.png': logo }));
    const docx = await unzipDocx(await renderDocx(tree));
    const doc = docx.get('word/document.xml')!;
    expect(doc).toMatch(/<wp:inline[\s\S]*?descr="徽标"/);
    expect(doc).toContain(`cx="${Math.round(30 * MM_TO_PT * 12700 / 9525) * 9525}"`);
    const pdf = Buffer.from((await renderPdf(tree)).bytes).toString('latin1');
    expect(pdf).toMatch(/\/Subtype \/Image[\s\S]*?\/Width 64/);
  });
});
