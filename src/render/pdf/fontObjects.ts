/**
 * The PDF objects of one embedded subset font (PDF 32000 §9.7): a Type0 font with
 * Identity-H encoding over a CID font whose CIDs are the subset's glyph ids, its font
 * descriptor and font program, and a ToUnicode CMap so the text can be searched and copied.
 * Descriptor values follow pdf-lib's own embedder, which jianding used before.
 */
import type { Font } from 'fontkit';
import type { PDFContext, PDFRef } from 'pdf-lib';
import { PDFString } from './pdfLib.js';
import { isFixedPitch, italicAngle } from './fontProgram/sfntMetrics.js';
import type { FontProgramSubset } from './fontProgram/subset.js';

export interface SubsetFont {
  /** ABCDEF+PostScriptName */
  baseFont: string;
  font: Font;
  /** The font file (its first face is the one embedded). */
  bytes: Uint8Array;
  subset: FontProgramSubset;
  /** Text of each subset glyph that stands for characters, by CID. */
  unicode: Map<number, string>;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** A CID as Identity-H codes it in content streams: two bytes, four hex digits. */
export const cidHex = hex4;

function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}

/** bfchar blocks hold at most 100 entries each (Adobe CMap specification, §5). */
const BFCHAR_LIMIT = 100;

export function toUnicodeCMap(unicode: Map<number, string>): string {
  const entries = [...unicode].sort(([a], [b]) => a - b).map(([cid, text]) => `<${hex4(cid)}> <${utf16Hex(text)}>`);
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += BFCHAR_LIMIT) {
    const block = entries.slice(i, i + BFCHAR_LIMIT);
    blocks.push(`${block.length} beginbfchar\n${block.join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <ffff>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Font flags (PDF 32000 Table 123): symbolic, as every CID font is; serif, fixed pitch, script and italic from the font's tables. */
function fontFlags(font: Font, bytes: Uint8Array): number {
  const familyClass = font['OS/2']?.sFamilyClass ?? 0;
  let flags = 1 << 2; // symbolic
  if (isFixedPitch(bytes)) flags |= 1 << 0;
  if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
  if (familyClass === 10) flags |= 1 << 3;
  if (font.head?.macStyle?.italic) flags |= 1 << 6;
  return flags;
}

function descriptor(context: PDFContext, f: SubsetFont, program: PDFRef): PDFRef {
  const { font } = f;
  const scale = 1000 / font.unitsPerEm;
  const cff = f.subset.format === 'CFF';
  const { minX, minY, maxX, maxY } = font.bbox;
  return context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: f.baseFont,
      Flags: fontFlags(font, f.bytes),
      FontBBox: [minX * scale, minY * scale, maxX * scale, maxY * scale],
      ItalicAngle: italicAngle(f.bytes),
      Ascent: font.ascent * scale,
      Descent: font.descent * scale,
      CapHeight: (font.capHeight || font.ascent) * scale,
      XHeight: (font.xHeight || 0) * scale,
      StemV: 0,
      [cff ? 'FontFile3' : 'FontFile2']: program,
    }),
  );
}

/** Widths of CIDs 0…n-1 in one run, in thousandths of an em. */
function widths(f: SubsetFont): (number | number[])[] {
  const scale = 1000 / f.font.unitsPerEm;
  return [0, f.subset.glyphs.map((gid) => f.subset.advance(gid) * scale)];
}

/** Writes the font's objects into the document; returns the Type0 font to name in page resources. */
export function registerSubsetFont(context: PDFContext, f: SubsetFont): PDFRef {
  const bytes = f.subset.encode();
  const program = context.register(context.flateStream(bytes, f.subset.format === 'CFF' ? { Subtype: 'CIDFontType0C' } : { Length1: bytes.length }));
  const cidFont = context.obj({
    Type: 'Font',
    Subtype: f.subset.format === 'CFF' ? 'CIDFontType0' : 'CIDFontType2',
    BaseFont: f.baseFont,
    CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
    FontDescriptor: descriptor(context, f, program),
    W: widths(f),
    ...(f.subset.format === 'CFF' ? {} : { CIDToGIDMap: 'Identity' }),
  });
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: f.baseFont,
      Encoding: 'Identity-H',
      DescendantFonts: [context.register(cidFont)],
      ToUnicode: context.register(context.flateStream(toUnicodeCMap(f.unicode))),
    }),
  );
}
