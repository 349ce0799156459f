/**
 * TrueType subsetting by copying: the glyphs a document uses are copied byte for byte from
 * the font's glyf table (compound glyphs with their component ids renumbered), and the
 * tables a PDF viewer needs (PDF 32000 §9.9: head, hhea, loca, maxp, cvt, prep, glyf, hmtx,
 * fpgm) are written around them. Nothing is decoded, so a CJK subset of ~1,000 glyphs is a
 * few memory copies rather than a parse-and-re-encode.
 */
import { sfntTables, tableBytes, viewOf, writeSfnt, type SfntTables } from './sfnt.js';
import { horizontalMetrics, requiredTable, type HorizontalMetrics } from './sfntMetrics.js';
import { componentIdOffsets, glyphLocations, type GlyphLocations } from './glyf.js';
import { ensureGlyph } from './sparseFont.js';
import type { FontProgramSubset } from './subset.js';

interface TrueTypeSource {
  sfnt: SfntTables;
  glyphs: GlyphLocations;
  metrics: HorizontalMetrics;
}

const sources = new WeakMap<Uint8Array, TrueTypeSource>();

/** The tables the subsetter reads, checked once for the sizes it relies on; a bad file throws here. */
function sourceOf(bytes: Uint8Array): TrueTypeSource {
  let source = sources.get(bytes);
  if (!source) {
    const sfnt = sfntTables(bytes);
    source = { sfnt, glyphs: glyphLocations(sfnt), metrics: horizontalMetrics(bytes) };
    sources.set(bytes, source);
  }
  return source;
}

/** Throws, naming the problem, when the file's tables cannot be subset. */
export function checkTrueTypeTables(bytes: Uint8Array): void {
  sourceOf(bytes);
}

/** Whether a font file (first face) has TrueType outlines this subsetter can copy. */
export function hasTrueTypeOutlines(bytes: Uint8Array): boolean {
  const { tables } = sfntTables(bytes);
  return tables.has('glyf') && tables.has('loca');
}

function glyphBytes(source: TrueTypeSource, gid: number): Uint8Array {
  if (gid >= source.glyphs.numGlyphs) return new Uint8Array(0);
  ensureGlyph(source.sfnt.bytes, gid);
  const [start, end] = source.glyphs.range(gid);
  return source.glyphs.glyf.subarray(start, end);
}

/** A copy of head, hhea or maxp with the fields that depend on the glyph count rewritten. */
function patched(table: Uint8Array, patch: (view: DataView) => void): Uint8Array {
  const copy = new Uint8Array(table);
  patch(viewOf(copy));
  return copy;
}

const pad4 = (length: number) => (length + 3) & ~3;

export class TrueTypeSubset implements FontProgramSubset {
  readonly format = 'TrueType';
  /** Source glyph ids in subset order; .notdef is always first. */
  readonly glyphs: number[] = [0];
  private readonly ids = new Map<number, number>([[0, 0]]);
  private readonly source: TrueTypeSource;

  constructor(fontBytes: Uint8Array) {
    this.source = sourceOf(fontBytes);
  }

  include(gid: number): number {
    let id = this.ids.get(gid);
    if (id === undefined) {
      id = this.glyphs.length;
      this.ids.set(gid, id);
      this.glyphs.push(gid);
      const glyph = glyphBytes(this.source, gid);
      for (const at of componentIdOffsets(glyph)) this.include(viewOf(glyph).getUint16(at));
    }
    return id;
  }

  advance(gid: number): number {
    return this.source.metrics.advance(gid);
  }

  /** The glyph's bytes, with component ids renumbered if it is compound. */
  private subsetGlyph(gid: number): Uint8Array {
    const glyph = glyphBytes(this.source, gid);
    const components = componentIdOffsets(glyph);
    if (components.length === 0) return glyph;
    const copy = new Uint8Array(glyph);
    const view = viewOf(copy);
    for (const at of components) view.setUint16(at, this.ids.get(view.getUint16(at)) ?? 0);
    return copy;
  }

  encode(): Uint8Array {
    const { sfnt } = this.source;
    const count = this.glyphs.length;
    const parts = this.glyphs.map((gid) => this.subsetGlyph(gid));
    const glyf = new Uint8Array(parts.reduce((size, part) => size + pad4(part.length), 0));
    const loca = new DataView(new ArrayBuffer(4 * (count + 1)));
    const hmtx = new DataView(new ArrayBuffer(4 * count));
    let offset = 0;
    parts.forEach((part, i) => {
      glyf.set(part, offset);
      loca.setUint32(4 * i, offset);
      hmtx.setUint16(4 * i, this.source.metrics.advance(this.glyphs[i]!));
      hmtx.setInt16(4 * i + 2, this.source.metrics.leftBearing(this.glyphs[i]!));
      offset += pad4(part.length);
    });
    loca.setUint32(4 * count, offset);
    const tables = new Map<string, Uint8Array>([
      ['head', patched(requiredTable(sfnt, 'head', 54), (v) => v.setInt16(50, 1))],
      ['hhea', patched(requiredTable(sfnt, 'hhea', 36), (v) => v.setUint16(34, count))],
      ['maxp', patched(requiredTable(sfnt, 'maxp', 6), (v) => v.setUint16(4, count))],
      ['loca', new Uint8Array(loca.buffer)],
      ['glyf', glyf],
      ['hmtx', new Uint8Array(hmtx.buffer)],
    ]);
    for (const tag of ['cvt ', 'fpgm', 'prep']) {
      const table = tableBytes(sfnt, tag);
      if (table) tables.set(tag, table);
    }
    return writeSfnt(tables);
  }
}
