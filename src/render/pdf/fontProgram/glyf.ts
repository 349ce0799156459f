/** The TrueType glyf table: where each glyph's bytes are (loca), and a compound glyph's component ids. */
import { viewOf, type SfntTables } from './sfnt.js';
import { requiredTable } from './sfntMetrics.js';

export interface GlyphLocations {
  numGlyphs: number;
  /** The glyf table: its bytes in the file, and its offset there. */
  glyf: Uint8Array;
  glyfOffset: number;
  /** Byte range [start, end) of glyph `gid` within the glyf table (empty for a blank glyph). */
  range(gid: number): [number, number];
}

/** maxp's glyph count, head's loca format and loca itself; throws, naming the table, when one is missing or short. */
export function glyphLocations(sfnt: SfntTables): GlyphLocations {
  const numGlyphs = viewOf(requiredTable(sfnt, 'maxp', 6)).getUint16(4);
  const longLoca = viewOf(requiredTable(sfnt, 'head', 54)).getInt16(50) === 1;
  const glyf = requiredTable(sfnt, 'glyf', 0);
  const loca = viewOf(requiredTable(sfnt, 'loca', (numGlyphs + 1) * (longLoca ? 4 : 2)));
  const at = (i: number) => Math.min(longLoca ? loca.getUint32(i * 4) : loca.getUint16(i * 2) * 2, glyf.length);
  return {
    numGlyphs,
    glyf,
    glyfOffset: sfnt.tables.get('glyf')!.offset,
    range(gid) {
      const start = at(gid);
      return [start, Math.max(start, at(gid + 1))];
    },
  };
}

// Compound glyph component flags (OpenType 'glyf').
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Byte offsets of the glyph-index field of each component of a compound glyph (none for a simple one). */
export function componentIdOffsets(glyph: Uint8Array): number[] {
  const compound = glyph.length >= 10 && (glyph[0]! & 0x80) !== 0; // numberOfContours < 0
  if (!compound) return [];
  const view = viewOf(glyph);
  const offsets: number[] = [];
  let p = 10;
  while (p + 4 <= glyph.length) {
    const flags = view.getUint16(p);
    offsets.push(p + 2);
    p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
    if (flags & WE_HAVE_A_SCALE) p += 2;
    else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) p += 4;
    else if (flags & WE_HAVE_A_TWO_BY_TWO) p += 8;
    if (!(flags & MORE_COMPONENTS)) break;
  }
  return offsets;
}
