/**
 * Horizontal metrics and the fixed-pitch flag, read straight from a font's tables. fontkit
 * decodes the whole hmtx table (30,000 entries in a CJK face) and every glyph name in post on
 * first use — about 40 ms per process for the few hundred values a document needs.
 */
import { sfntTables, tableBytes, viewOf, type SfntTables } from './sfnt.js';

export interface HorizontalMetrics {
  /** Advance width of a glyph, in font units. */
  advance(gid: number): number;
  leftBearing(gid: number): number;
}

/** A table that must be there and at least `minLength` bytes long. */
export function requiredTable(sfnt: SfntTables, tag: string, minLength: number): Uint8Array {
  const table = tableBytes(sfnt, tag);
  if (!table) throw new Error(`the font lacks its '${tag}' table`);
  if (table.length < minLength) throw new Error(`table '${tag}' is too short`);
  return table;
}

const cache = new WeakMap<Uint8Array, HorizontalMetrics>();

/** hhea + hmtx of the first face; throws, naming the table, when they are missing or short. */
export function horizontalMetrics(bytes: Uint8Array): HorizontalMetrics {
  let metrics = cache.get(bytes);
  if (metrics) return metrics;
  const sfnt = sfntTables(bytes);
  const count = viewOf(requiredTable(sfnt, 'hhea', 36)).getUint16(34);
  if (count === 0) throw new Error("'hhea' declares no metrics");
  const hmtx = viewOf(requiredTable(sfnt, 'hmtx', 4 * count));
  metrics = {
    // Glyphs past the last full entry share its advance (OpenType 'hmtx').
    advance: (gid) => hmtx.getUint16(4 * Math.min(gid, count - 1)),
    leftBearing(gid) {
      if (gid < count) return hmtx.getInt16(4 * gid + 2);
      const at = 4 * count + 2 * (gid - count);
      return at + 2 <= hmtx.byteLength ? hmtx.getInt16(at) : 0;
    },
  };
  cache.set(bytes, metrics);
  return metrics;
}

/**
 * post.italicAngle (offset 4, 16.16 fixed), 0 when the face has no post table. fontkit's
 * font.italicAngle decodes the whole post table, glyph names and all, to give this one value.
 */
export function italicAngle(bytes: Uint8Array): number {
  const post = tableBytes(sfntTables(bytes), 'post');
  return post && post.length >= 8 ? viewOf(post).getInt32(4) / 65536 : 0;
}

/** post.isFixedPitch (offset 12), false when the face has no post table. */
export function isFixedPitch(bytes: Uint8Array): boolean {
  const post = tableBytes(sfntTables(bytes), 'post');
  return !!post && post.length >= 16 && viewOf(post).getUint32(12) !== 0;
}
