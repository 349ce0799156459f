/**
 * The sfnt container (TrueType/OpenType): finding a face's tables in a font file, and
 * writing a new file from tables. Only what the subsetter needs; fontkit parses the rest.
 */

export interface SfntTables {
  /** The whole file; table views point into it, nothing is copied. */
  bytes: Uint8Array;
  tables: Map<string, { offset: number; length: number }>;
}

const TTC_TAG = 0x74746366; // 'ttcf'

function tagAt(view: DataView, at: number): string {
  return String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
}

/** Offset of the first face's table directory: 0 for a single font, the first entry of a collection. */
function firstFaceOffset(view: DataView): number {
  return view.getUint32(0) === TTC_TAG ? view.getUint32(12) : 0;
}

const parsed = new WeakMap<Uint8Array, SfntTables>();

/** The first face's tables (the face fontkit parses too); cached by the bytes' identity. Throws on a truncated file. */
export function sfntTables(bytes: Uint8Array): SfntTables {
  const cached = parsed.get(bytes);
  if (cached) return cached;
  const view = viewOf(bytes);
  const dir = firstFaceOffset(view);
  const count = view.getUint16(dir + 4);
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const record = dir + 12 + i * 16;
    const tag = tagAt(view, record);
    const entry = { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) };
    if (entry.offset + entry.length > bytes.length) throw new Error(`table '${tag}' runs past the end of the file`);
    tables.set(tag, entry);
  }
  const result = { bytes, tables };
  parsed.set(bytes, result);
  return result;
}

/** A DataView over exactly these bytes (a table, a glyph). */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A table's bytes as a view into the file, or undefined when the face has none. */
export function tableBytes(sfnt: SfntTables, tag: string): Uint8Array | undefined {
  const entry = sfnt.tables.get(tag);
  return entry ? sfnt.bytes.subarray(entry.offset, entry.offset + entry.length) : undefined;
}

const padded = (length: number) => (length + 3) & ~3;

function checksum(bytes: Uint8Array, from: number, length: number): number {
  const view = viewOf(bytes);
  let sum = 0;
  const end = from + padded(length);
  for (let i = from; i < end; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** head.checkSumAdjustment sits at offset 8 of the head table. */
const CHECKSUM_ADJUSTMENT = 8;

/**
 * An sfnt file from its tables: directory sorted by tag (readers binary-search it),
 * every table 4-byte aligned, table checksums and head.checkSumAdjustment filled in.
 */
export function writeSfnt(tables: Map<string, Uint8Array>, version = 0x00010000): Uint8Array {
  const tags = [...tables.keys()].sort();
  const headerSize = 12 + tags.length * 16;
  const total = tags.reduce((size, tag) => size + padded(tables.get(tag)!.length), headerSize);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const log2 = Math.floor(Math.log2(tags.length));
  // 0x00010000 for TrueType outlines, 'OTTO' for CFF.
  view.setUint32(0, version);
  view.setUint16(4, tags.length);
  view.setUint16(6, 16 << log2);
  view.setUint16(8, log2);
  view.setUint16(10, tags.length * 16 - (16 << log2));
  let offset = headerSize;
  let headOffset = -1;
  // The tables tile the file, zero-padded to four bytes: the file's sum is the directory's plus theirs.
  let tableSums = 0;
  tags.forEach((tag, i) => {
    const data = tables.get(tag)!;
    out.set(data, offset);
    if (tag === 'head') {
      headOffset = offset;
      view.setUint32(offset + CHECKSUM_ADJUSTMENT, 0);
    }
    const record = 12 + i * 16;
    for (let k = 0; k < 4; k++) view.setUint8(record + k, tag.charCodeAt(k));
    const sum = checksum(out, offset, data.length);
    tableSums = (tableSums + sum) >>> 0;
    view.setUint32(record + 4, sum);
    view.setUint32(record + 8, offset);
    view.setUint32(record + 12, data.length);
    offset += padded(data.length);
  });
  if (headOffset >= 0) view.setUint32(headOffset + CHECKSUM_ADJUSTMENT, (0xb1b0afba - checksum(out, 0, headerSize) - tableSums) >>> 0);
  return out;
}
