/**
 * A font program cut down to the glyphs a document uses. TrueType outlines (the bundled
 * Noto faces, most institution fonts) are copied by our own subsetter; CFF outlines (OTF
 * files) go through fontkit's CFF subsetter, which re-encodes the charstrings.
 */
import type { Font, Subset } from 'fontkit';
import { horizontalMetrics } from './sfntMetrics.js';
import { checkTrueTypeTables, hasTrueTypeOutlines, TrueTypeSubset } from './trueTypeSubset.js';

export interface FontProgramSubset {
  /** Decides the PDF font types: CIDFontType2 + FontFile2, or CIDFontType0 + FontFile3. */
  readonly format: 'TrueType' | 'CFF';
  /** Source glyph ids in subset order (the index is the subset id, the CID). */
  readonly glyphs: readonly number[];
  /** Adds a source glyph (and any it is built from); returns its subset id. */
  include(gid: number): number;
  /** Advance width of a source glyph, in font units. */
  advance(gid: number): number;
  /** The font program to embed. */
  encode(): Uint8Array;
}

class CffSubset implements FontProgramSubset {
  readonly format = 'CFF';
  readonly glyphs: number[] = [0];
  private readonly subset: Subset;

  constructor(
    font: Font,
    private readonly bytes: Uint8Array,
  ) {
    this.subset = font.createSubset();
  }

  include(gid: number): number {
    const id = this.subset.includeGlyph(gid);
    this.glyphs[id] = gid;
    return id;
  }

  advance(gid: number): number {
    return horizontalMetrics(this.bytes).advance(gid);
  }

  encode(): Uint8Array {
    return this.subset.encode();
  }
}

export function createSubset(bytes: Uint8Array, font: Font): FontProgramSubset {
  return hasTrueTypeOutlines(bytes) ? new TrueTypeSubset(bytes) : new CffSubset(font, bytes);
}

/**
 * Reads what rendering will need from a font, so that a damaged file fails when it is loaded,
 * with its name, rather than halfway through a document. fontkit parses tables lazily.
 */
export function checkFontProgram(bytes: Uint8Array, font: Font): void {
  horizontalMetrics(bytes);
  if (hasTrueTypeOutlines(bytes)) checkTrueTypeTables(bytes);
  void [font.unitsPerEm, font.bbox, font['OS/2'], font.head];
  void [font.glyphForCodePoint(0x4e00).id, font.glyphForCodePoint(0x41).id];
}
