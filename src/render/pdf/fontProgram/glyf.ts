/** Compound glyphs in the TrueType glyf table: where their component glyph ids are. */
import { viewOf } from './sfnt.js';

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
