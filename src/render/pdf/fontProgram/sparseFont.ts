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
import { componentIdOffsets } from './glyf.js';
import { sfntTables, viewOf } from './sfnt.js';

interface Outlines {
  fd: number;
  glyfOffset: number;
  glyfLength: number;
  loca: DataView;
  longLoca: boolean;
  numGlyphs: number;
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

/** The glyf table's place from the table directory, or undefined when the file is not a plain TrueType font. */
function glyfEntry(fd: number, size: number): { offset: number; length: number } | undefined {
  const head = new Uint8Array(12);
  if (size < 12) return undefined;
  readAt(fd, head, 0, 12);
  const view = viewOf(head);
  if (!TRUE_TYPE.includes(view.getUint32(0))) return undefined;
  const directory = new Uint8Array(12 + view.getUint16(4) * 16);
  if (directory.length > size) return undefined;
  readAt(fd, directory, 0, directory.length);
  const entries = viewOf(directory);
  for (let record = 12; record < directory.length; record += 16) {
    if (String.fromCharCode(...directory.subarray(record, record + 4)) !== 'glyf') continue;
    const offset = entries.getUint32(record + 8);
    const length = entries.getUint32(record + 12);
    return offset + length <= size ? { offset, length } : undefined;
  }
  return undefined;
}

/**
 * The file with every table but glyf read, or undefined (not a regular file, not TrueType,
 * too large, a table past the end): the caller then reads it whole and reports any problem.
 */
export function readWithoutOutlines(path: string, maxBytes: number): Uint8Array | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(path, 'r');
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > maxBytes) return undefined;
    const glyf = glyfEntry(fd, stat.size);
    if (!glyf) return undefined;
    const bytes = new Uint8Array(stat.size); // zero pages until written: the outlines cost nothing
    readAt(fd, bytes, 0, glyf.offset);
    readAt(fd, bytes, glyf.offset + glyf.length, stat.size);
    const sfnt = sfntTables(bytes);
    const maxp = sfnt.tables.get('maxp');
    const headTable = sfnt.tables.get('head');
    const locaTable = sfnt.tables.get('loca');
    if (!maxp || !headTable || !locaTable || maxp.length < 6 || headTable.length < 54) return undefined;
    const numGlyphs = viewOf(bytes).getUint16(maxp.offset + 4);
    const longLoca = viewOf(bytes).getInt16(headTable.offset + 50) === 1;
    if (locaTable.length < (numGlyphs + 1) * (longLoca ? 4 : 2)) return undefined;
    const loca = new DataView(bytes.buffer, bytes.byteOffset + locaTable.offset, locaTable.length);
    sparse.set(bytes, { fd, glyfOffset: glyf.offset, glyfLength: glyf.length, loca, longLoca, numGlyphs, loaded: new Uint8Array(numGlyphs) });
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
  if (!o || gid >= o.numGlyphs || o.loaded[gid]) return;
  o.loaded[gid] = 1;
  const at = (i: number) => (o.longLoca ? o.loca.getUint32(i * 4) : o.loca.getUint16(i * 2) * 2);
  const start = Math.min(at(gid), o.glyfLength);
  const end = Math.max(start, Math.min(at(gid + 1), o.glyfLength));
  if (end === start) return;
  readAt(o.fd, bytes, o.glyfOffset + start, o.glyfOffset + end);
  const glyph = bytes.subarray(o.glyfOffset + start, o.glyfOffset + end);
  for (const at of componentIdOffsets(glyph)) ensureGlyph(bytes, viewOf(glyph).getUint16(at));
}
