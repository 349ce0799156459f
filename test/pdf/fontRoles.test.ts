/**
 * The faces the norms use — 仿宋 body, 小标宋 title, plain 宋体 page header and 编号, 黑 headings,
 * 楷 second-level headings — each set in its own face in the PDF, each replaceable by an
 * institution's file, and a font collection's face chosen by name.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bundledFontPath, FontFileError, fontSetSha256, loadFontFile, loadFontSet, unpackedFontPath, type PdfFontConfig } from '../../src/render/pdf/fonts.js';
import { singleFace } from '../../src/render/pdf/fontProgram/fontFile.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { layoutDocument } from '../../src/render/pdf/layout.js';
import type { Paragraph } from '../../src/document/tree.js';
import { inkFailures } from './ink.js';
import { hasPoppler, para, run, runsOf, treeOf, writeTemp } from './support.js';

const TIMEOUT = 60_000;
const SERIF_CJK_TTC = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const SANS_CJK_TTC = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

const SAMPLE: [Paragraph['style'], string][] = [
  ['title', '医疗损害鉴定意见书'],
  ['heading1', '四、分析说明'],
  ['heading2', '（一）诊疗行为是否存在过错'],
  ['body', '患者张某某因右下腹痛入院，医方未及时完善腹部超声检查。'],
];
const sampleTree = () => treeOf(SAMPLE.map(([style, text]) => para(style, text)), { preset: 'gbt9704' });

/** The PostScript name of the face each paragraph style was set in. */
async function facesByStyle(config: PdfFontConfig): Promise<Map<string, string>> {
  const fonts = await loadFontSet(config);
  const plan = layoutDocument(sampleTree(), fonts);
  const byText = new Map<string, string>();
  for (const { run: r } of plan.pages.flatMap(runsOf)) {
    const text = r.glyphs.map((g) => g.text).join('');
    if (/[\u4e00-\u9fff]/.test(text)) byText.set(text, fonts.face(r.face).font.postscriptName);
  }
  const result = new Map<string, string>();
  for (const [style, text] of SAMPLE) {
    const hit = [...byText].find(([t]) => text.startsWith(t.slice(0, 4)));
    if (hit) result.set(style, hit[1]);
  }
  return result;
}

describe('the five font roles', () => {
  it('set 楷体 headings in the bundled LXGW WenKai, 黑体 in Noto Sans SC, 仿宋 in Noto Serif SC, the 小标宋 title in its SemiBold', async () => {
    const faces = await facesByStyle({});
    expect(Object.fromEntries(faces)).toEqual({
      title: 'NotoSerifSC-SemiBold',
      heading1: 'NotoSansSC-Regular',
      heading2: 'LXGWWenKai-Regular',
      body: 'NotoSerifSC-Regular',
    });
  });

  it('set the page header and the judicial 编号 in plain 宋体 (Noto Serif SC Regular), not the title\'s SemiBold', async () => {
    const number = '苏某鉴〔2026〕医鉴字第7号';
    const tree = treeOf([para('title', '司法鉴定意见书'), para('docNumber', number)], { preset: 'judicial' });
    tree.sections[0]!.furniture.headerText = number;
    const fonts = await loadFontSet();
    const faces = layoutDocument(tree, fonts).pages.flatMap(runsOf)
      .filter(({ run: r }) => r.glyphs.map((g) => g.text).join('').includes('医鉴字'))
      .map(({ run: r }) => fonts.face(r.face).font.postscriptName);
    expect(faces).toEqual(['NotoSerifSC-Regular', 'NotoSerifSC-Regular']);
  });

  it('take an institution file per role, leaving the other roles as they were', async () => {
    const faces = await facesByStyle({ kai: bundledFontPath('noto-sans-sc-700'), song: bundledFontPath('noto-sans-sc-400') });
    expect(faces.get('heading2')).toBe('NotoSansSC-Bold');
    expect(faces.get('title')).toBe('NotoSansSC-Regular');
    expect(faces.get('body')).toBe('NotoSerifSC-Regular');
  });

  it('still read the older serif/sans keys: serif for 仿宋, 宋 and 楷, sans for 黑', async () => {
    const faces = await facesByStyle({ serif: bundledFontPath('noto-sans-sc-700') });
    expect(faces.get('body')).toBe('NotoSansSC-Bold');
    expect(faces.get('heading2')).toBe('NotoSansSC-Bold');
    expect(faces.get('heading1')).toBe('NotoSansSC-Regular');
  });

  it.skipIf(!hasPoppler)('embed one subset per face, each drawn with ink, WenKai included', async () => {
    const { bytes } = await renderPdf(sampleTree());
    const path = writeTemp(bytes);
    const fonts = run('pdffonts', [path]);
    expect(fonts).toMatch(/\+LXGWWenKai-Regular\s+CID TrueType/);
    // Each face is embedded once, however many slots use it.
    expect(fonts.match(/NotoSerifSC-Regular/g)).toHaveLength(1);
    expect(fonts).toMatch(/\+NotoSerifSC-SemiBold\s+CID TrueType/);
    expect(inkFailures(path, layoutDocument(sampleTree(), await loadFontSet()))).toEqual([]);
  }, TIMEOUT);
});

describe('a font collection’s face chosen by name', () => {
  it.skipIf(!existsSync(SERIF_CJK_TTC))('takes “Noto Serif CJK SC”, not the collection’s first (Japanese) face', async () => {
    const faces = await facesByStyle({ fangsong: { file: SERIF_CJK_TTC, face: 'Noto Serif CJK SC' } });
    expect(faces.get('body')).toBe('NotoSerifCJKsc-Regular');
    const first = await facesByStyle({ fangsong: SERIF_CJK_TTC });
    expect(first.get('body')).toBe('NotoSerifCJKjp-Regular');
  });

  it.skipIf(!existsSync(SANS_CJK_TTC))('matches the PostScript or full name too, case aside', () => {
    const bytes = new Uint8Array(readFileSync(SANS_CJK_TTC));
    for (const name of ['NotoSansCJKsc-Regular', 'noto sans cjk sc']) {
      expect((fontkit.create(singleFace(bytes, name)) as fontkit.Font).postscriptName).toBe('NotoSansCJKsc-Regular');
    }
  });

  it.skipIf(!existsSync(SERIF_CJK_TTC))('refuses a name the collection lacks, listing the faces it has', () => {
    let thrown: unknown;
    try {
      loadFontFile(SERIF_CJK_TTC, 'Noto Serif CJK XX');
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(FontFileError);
    expect((thrown as FontFileError).detail).toContain('没有名为「Noto Serif CJK XX」');
    expect((thrown as FontFileError).detail).toContain('Noto Serif CJK SC');
  });

  it('refuses a face name for a file that is not a collection', () => {
    expect(() => loadFontFile(bundledFontPath('noto-serif-400'), 'Noto Serif')).toThrow(FontFileError);
  });

  it.skipIf(!existsSync(SERIF_CJK_TTC))('names the face in the font fingerprint: another face, another verification code', async () => {
    const sc = await fontSetSha256({ fangsong: { file: SERIF_CJK_TTC, face: 'Noto Serif CJK SC' } });
    const tc = await fontSetSha256({ fangsong: { file: SERIF_CJK_TTC, face: 'Noto Serif CJK TC' } });
    expect(sc).not.toBe(tc);
  });
});

describe('WOFF fonts', () => {
  it('unpack to the same font: glyphs, advances and outlines', () => {
    const woff = new Uint8Array(readFileSync(bundledFontPath('lxgw-wenkai-400')));
    const fromWoff = fontkit.create(woff) as fontkit.Font;
    const sfnt = singleFace(woff);
    expect(new DataView(sfnt.buffer, sfnt.byteOffset).getUint32(0)).toBe(0x00010000);
    const unpacked = fontkit.create(sfnt) as fontkit.Font;
    expect(unpacked.numGlyphs).toBe(fromWoff.numGlyphs);
    for (const ch of '鉴A') {
      const a = fromWoff.glyphForCodePoint(ch.codePointAt(0)!);
      const b = unpacked.glyphForCodePoint(ch.codePointAt(0)!);
      expect(b.id).toBe(a.id);
      expect(b.advanceWidth).toBe(a.advanceWidth);
      expect(JSON.stringify(b.path.commands)).toBe(JSON.stringify(a.path.commands));
    }
  });

  const unpacked = unpackedFontPath('lxgw-wenkai-400');
  it.skipIf(!unpacked || !existsSync(unpacked))('the build’s unpacked copy holds the same bytes, so documents do not depend on it', () => {
    const woff = new Uint8Array(readFileSync(bundledFontPath('lxgw-wenkai-400')));
    expect(Buffer.compare(readFileSync(unpacked!), singleFace(woff))).toBe(0);
  });

  it('refuses WOFF2 with a message that says which formats work', () => {
    const woff2 = new Uint8Array(24);
    new DataView(woff2.buffer).setUint32(0, 0x774f4632);
    expect(() => loadFontFile(writeTemp(woff2, 'web.woff2'))).toThrow(/WOFF2.*\.ttf\/\.otf\/\.ttc or \.woff/);
  });
});
