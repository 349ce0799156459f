/**
 * A TrueType file read without its glyph outlines, which are read glyph by glyph when asked
 * for (issue 17, cold start). The bundled CJK faces are 10–15 MB each, 97% of it the glyf
 * table, and a document uses about a thousand of their 65,000 glyphs: reading four faces whole
 * was some 40 ms of every `jianding render`, the other tables and the glyphs used about 10.
 *
 * The file's bytes keep their layout (the same offsets, so fontkit and the subsetter read
 * them as before); the glyf table stays zero until a glyph is ensured. Everything that reads
 * outlines ensures the glyph first: the subsetter, ink bounds and the watermark's paths.
 * The file stays open; only short-lived commands read this way (a long-running process could
 * see the file replaced under it), the others read whole files.
 */
import fs from 'node:fs';
import { componentIdOffsets, glyphLocations, type GlyphLocations } from './glyf.js';
import { sfntTables, viewOf } from './sfnt.js';

interface Outlines {
  fd: number;
  glyphs: GlyphLocations;
  loaded: Uint8Array;
}

const sparse = new WeakMap<Uint8Array, Outlines>();

const TRUE_TYPE = [0x00010000, 0x74727565]; // 1.0 and 'true'

function readAt(fd: number, into: Uint8Array, from: number, to: number): void {
  for (let at = from; at < to; ) {
    const n = fs.readSync(fd, into, at, to - at, at);
    if (n <= 0) throw new Error('font file ended early');
    at += n;
  }
}

/**
 * The file with every table but glyf read, or undefined (not a regular file, not TrueType,
 * too large, a table missing or past the end): the caller then reads it whole and reports
 * any problem.
 */
export function readWithoutOutlines(path: string, maxBytes: number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes || stat.size < 12) return undefined;
    const bytes = new Uint8Array(stat.size); // zero pages until written: the outlines cost nothing
    readAt(fd, bytes, 0, 12);
    const view = viewOf(bytes);
    if (!TRUE_TYPE.includes(view.getUint32(0))) return undefined;
    const directoryEnd = 12 + view.getUint16(4) * 16;
    if (directoryEnd > stat.size) return undefined;
    readAt(fd, bytes, 12, directoryEnd);
    const glyf = sfntTables(bytes).tables.get('glyf');
    if (!glyf || glyf.offset < directoryEnd) return undefined;
    readAt(fd, bytes, directoryEnd, glyf.offset);
    readAt(fd, bytes, glyf.offset + glyf.length, stat.size);
    const glyphs = glyphLocations(sfntTables(bytes));
    sparse.set(bytes, { fd, glyphs, loaded: new Uint8Array(glyphs.numGlyphs) });
    fd = undefined; // kept open for the glyphs to come
    return bytes;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Reads glyph `gid` (and a compound glyph's components) into a file read without outlines; nothing for any other file. */
export function ensureGlyph(bytes: Uint8Array, gid: number): void {
  const o = sparse.get(bytes);
  if (!o || gid >= o.glyphs.numGlyphs || o.loaded[gid]) return;
  o.loaded[gid] = 1;
  const [start, end] = o.glyphs.range(gid);
  if (end === start) return;
  readAt(o.fd, bytes, o.glyphs.glyfOffset + start, o.glyphs.glyfOffset + end);
  const glyph = o.glyphs.glyf.subarray(start, end);
  for (const at of componentIdOffsets(glyph)) ensureGlyph(bytes, viewOf(glyph).getUint16(at));
}
