/**
 * The font programs jianding embeds: TrueType subsets copied glyph by glyph (checked against
 * the source font with fontkit), collections, compound glyphs, CFF fonts, and the ToUnicode map.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { bundledFontPath, FontFileError, loadFontFile, loadFontSet } from '../../src/render/pdf/fonts.js';
import { toUnicodeCMap } from '../../src/render/pdf/fontObjects.js';
import { sfntTables } from '../../src/render/pdf/fontProgram/sfnt.js';
import { horizontalMetrics, isFixedPitch, italicAngle } from '../../src/render/pdf/fontProgram/sfntMetrics.js';
import { componentIdOffsets } from '../../src/render/pdf/fontProgram/glyf.js';
import { TrueTypeSubset } from '../../src/render/pdf/fontProgram/trueTypeSubset.js';
import { renderPdf } from '../../src/render/pdf/index.js';
import { layoutDocument } from '../../src/render/pdf/layout.js';
import { inkFailures } from './ink.js';
import { hasPoppler, normalise, pageText, para, run, treeOf, writeTemp } from './support.js';

const TIMEOUT = 60_000;
const LATIN = new URL('../../node_modules/@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf', import.meta.url);

const fileBytes = (path: string | URL) => new Uint8Array(readFileSync(path));

function parse(bytes: Uint8Array): fontkit.Font {
  const font = fontkit.create(bytes);
  return 'fonts' in font ? font.fonts[0]! : font;
}

const pathOf = (glyph: fontkit.Glyph) => JSON.stringify(glyph.path.commands);

/** Subsets `text`'s glyphs, parses the result, and pairs each source glyph with its copy. */
function subsetPairs(bytes: Uint8Array, text: string) {
  const source = parse(bytes);
  const subset = new TrueTypeSubset(bytes);
  const ids = Array.from(text, (ch) => subset.include(source.glyphForCodePoint(ch.codePointAt(0)!).id));
  const copy = parse(subset.encode());
  return { source, subset, ids, copy };
}

function u32sum(bytes: Uint8Array, from: number, length: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  let sum = 0;
  for (let i = 0; i < length; i += 4) sum = (sum + view.getUint32(from + i)) >>> 0;
  return sum;
}

/** The same font as a one-face TrueType collection: a ttcf header in front, table offsets moved. */
function asCollection(ttf: Uint8Array): Uint8Array {
  const out = new Uint8Array(16 + ttf.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x74746366);
  view.setUint32(4, 0x00010000);
  view.setUint32(8, 1);
  view.setUint32(12, 16);
  out.set(ttf, 16);
  const tables = view.getUint16(16 + 4);
  for (let i = 0; i < tables; i++) view.setUint32(16 + 12 + i * 16 + 8, view.getUint32(16 + 12 + i * 16 + 8) + 16);
  return out;
}

describe('TrueType subsets', () => {
  const serif = fileBytes(bundledFontPath('noto-serif-sc-400'));

  it('copies each glyph exactly: the same outline and advance as in the source font', () => {
    const { source, subset, ids, copy } = subsetPairs(serif, '鉴定意见书：参与度为30%，医疗过错。');
    expect(copy.numGlyphs).toBe(subset.glyphs.length);
    expect(ids[0]).toBe(1); // CID 0 is .notdef
    Array.from('鉴定意见书：参与度为30%，医疗过错。').forEach((ch, i) => {
      const original = source.glyphForCodePoint(ch.codePointAt(0)!);
      const copied = copy.getGlyph(ids[i]!);
      expect(pathOf(copied), ch).toBe(pathOf(original));
      expect(copied.advanceWidth, ch).toBe(original.advanceWidth);
    });
    expect(new Set(ids).size).toBe(new Set('鉴定意见书：参与度为30%，医疗过错。').size);
  });

  it('writes valid checksums: every table, and the whole file through head.checkSumAdjustment', () => {
    const bytes = new TrueTypeSubset(serif).encode();
    const { tables } = sfntTables(bytes);
    expect([...tables.keys()]).toEqual([...tables.keys()].sort());
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    for (const [tag, { offset, length }] of tables) {
      const record = 12 + [...tables.keys()].indexOf(tag) * 16;
      const copy = bytes.slice(offset, offset + ((length + 3) & ~3));
      if (tag === 'head') new DataView(copy.buffer).setUint32(8, 0);
      expect(u32sum(copy, 0, copy.length), tag).toBe(view.getUint32(record + 4));
    }
    expect(u32sum(bytes, 0, bytes.length)).toBe(0xb1b0afba);
  });

  it('brings the components of a compound glyph along and renumbers them', () => {
    const latin = fileBytes(LATIN);
    const source = parse(latin);
    const eAcute = source.glyphForCodePoint(0xe9);
    const raw = sfntTables(latin);
    const glyf = raw.tables.get('glyf')!;
    const loca = new DataView(latin.buffer, latin.byteOffset + raw.tables.get('loca')!.offset);
    const start = glyf.offset + loca.getUint32(eAcute.id * 4);
    expect(componentIdOffsets(latin.subarray(start, glyf.offset + loca.getUint32(eAcute.id * 4 + 4))).length).toBeGreaterThan(1);

    const { subset, ids, copy } = subsetPairs(latin, 'é');
    expect(subset.glyphs.length).toBeGreaterThanOrEqual(4); // .notdef, é and its base and accent
    expect(pathOf(copy.getGlyph(ids[0]!))).toBe(pathOf(eAcute));
  });

  it('reads the first face of a TrueType collection (.ttc, as institutions’ SimSun comes)', () => {
    const latin = fileBytes(LATIN);
    const fromFont = subsetPairs(latin, 'Aé%').subset.encode();
    const fromCollection = subsetPairs(asCollection(latin), 'Aé%').subset.encode();
    expect(Buffer.from(fromCollection).equals(Buffer.from(fromFont))).toBe(true);
  });
});

/** The font with one table's directory length replaced. */
function withTableLength(ttf: Uint8Array, tag: string, length: number): Uint8Array {
  const out = new Uint8Array(ttf);
  const view = new DataView(out.buffer);
  for (let i = 0; i < view.getUint16(4); i++) {
    const record = 12 + i * 16;
    if (String.fromCharCode(...out.subarray(record, record + 4)) === tag) view.setUint32(record + 12, length);
  }
  return out;
}

describe('damaged font files', () => {
  const latin = fileBytes(LATIN);
  const cases: [string, Uint8Array, string][] = [
    ['truncated', latin.subarray(0, 100_000), "table 'GPOS' runs past the end of the file"],
    ['too short a loca table', withTableLength(latin, 'loca', 10), "table 'loca' is too short"],
    ['not a font', new TextEncoder().encode('患者张某某'.repeat(200)), 'Unknown font format'],
  ];
  for (const [name, bytes, detail] of cases) {
    it(`refuses a ${name} file when loading it, naming the file and the problem`, () => {
      const path = writeTemp(bytes, `${name.replace(/ /g, '-')}.ttf`);
      let thrown: unknown;
      try {
        loadFontFile(path);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(FontFileError);
      expect(thrown).toMatchObject({ path, detail });
    });
  }
});

describe('metrics read straight from the font tables', () => {
  const MONO = '/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf'; // 4 full hmtx entries: the rest share the last advance
  const files = [bundledFontPath('noto-serif-sc-400'), LATIN.pathname, MONO].filter((f) => existsSync(f));

  it('give fontkit’s advances, left bearings and fixed-pitch flag, past the last full hmtx entry too', () => {
    for (const file of files) {
      const bytes = fileBytes(file);
      const font = parse(bytes);
      const metrics = horizontalMetrics(bytes);
      const step = Math.max(1, Math.floor(font.numGlyphs / 300));
      for (let gid = 0; gid < font.numGlyphs; gid += step) {
        const glyph = font.getGlyph(gid) as fontkit.Glyph & { _getMetrics(): { leftBearing: number } };
        expect(metrics.advance(gid), `${file} #${gid}`).toBe(glyph.advanceWidth);
        expect(metrics.leftBearing(gid), `${file} #${gid}`).toBe(glyph._getMetrics().leftBearing);
      }
      expect(isFixedPitch(bytes), file).toBe(!!(font as unknown as { post: { isFixedPitch: number } }).post.isFixedPitch);
    }
    expect(files.some((f) => isFixedPitch(fileBytes(f)))).toBe(existsSync(MONO));
  });

  // The font descriptor's ItalicAngle: read from post without decoding its glyph names.
  it('give fontkit’s italic angle, upright and slanted', () => {
    const OBLIQUE = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf';
    const faces = [...files, OBLIQUE].filter((f) => existsSync(f));
    for (const file of faces) expect(italicAngle(fileBytes(file)), file).toBe(parse(fileBytes(file)).italicAngle);
    expect(faces.some((f) => italicAngle(fileBytes(f)) < 0)).toBe(existsSync(OBLIQUE));
  });
});

describe('ToUnicode CMap', () => {
  it('maps CIDs to UTF-16 (surrogate pairs beyond the BMP) in bfchar blocks of at most 100', () => {
    const map = new Map<number, string>(Array.from({ length: 250 }, (_, i) => [i + 1, String.fromCodePoint(0x4e00 + i)]));
    map.set(251, '𠀀');
    const cmap = toUnicodeCMap(map);
    expect([...cmap.matchAll(/(\d+) beginbfchar/g)].map((m) => Number(m[1]))).toEqual([100, 100, 51]);
    expect(cmap).toContain('<0001> <4e00>');
    expect(cmap).toContain('<00fb> <d840dc00>');
  });
});

describe('institution fonts with CFF outlines (OTF/OTC)', () => {
  const fonts = ['/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', '/usr/share/fonts/opentype/urw-base35/P052-Roman.otf'];
  for (const file of fonts) {
    it.skipIf(!hasPoppler || !existsSync(file))(`embeds ${file.split('/').pop()} as CIDFontType0 and every glyph shows ink`, async () => {
      const tree = treeOf([para('body', '鉴定意见：医疗过错与损害后果之间存在因果关系，参与度为30%（Participation 30%）。')]);
      const { bytes } = await renderPdf(tree, { fonts: { serif: file } });
      const path = writeTemp(bytes);
      expect(run('pdffonts', [path])).toMatch(/[A-Z]{6}\+\S+\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
      expect(normalise(pageText(path, 1))).toContain('参与度为30%（Participation30%）');
      expect(inkFailures(path, layoutDocument(tree, await loadFontSet({ serif: file })))).toEqual([]);
    }, TIMEOUT);
  }
});
