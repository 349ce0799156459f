/**
 * A minimal ZIP reader and a deterministic ZIP writer, so the .docx is byte-identical for
 * the same tree: the docx library's zipping stamps every entry with the current time and
 * orders entries by insertion. We re-pack with a fixed DOS timestamp (1980-01-01 00:00, the
 * earliest ZIP can say), a fixed entry order and a fixed compression level. Compression is
 * canonicalDeflate, whose bytes are the same on every machine.
 */
import * as zlib from 'node:zlib';
import { canonicalDeflate } from '../canonicalDeflate.js';

export type ZipEntries = Map<string, Uint8Array>;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const FLAG_UTF8 = 0x0800;
const VERSION = 20; // 2.0: deflate
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const DOS_TIME_MIDNIGHT = 0;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Node's own CRC-32 (Node 20.15+), or the table below on older versions. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export function crc32(data: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(data) >>> 0;
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function view(buf: Uint8Array): DataView {
  return new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
}

function findEndOfCentralDirectory(zip: Uint8Array): number {
  const dv = view(zip);
  // The end record is 22 bytes plus a comment of at most 65535 bytes.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === SIG_END) return i;
  }
  throw new Error('not a ZIP file: no end of central directory');
}

/** Reads every entry of a (non-ZIP64) archive through its central directory. */
export function readZip(zip: Uint8Array): ZipEntries {
  const dv = view(zip);
  const end = findEndOfCentralDirectory(zip);
  const count = dv.getUint16(end + 10, true);
  let p = dv.getUint32(end + 16, true);
  const entries: ZipEntries = new Map();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (dv.getUint32(p, true) !== SIG_CENTRAL) throw new Error('corrupt ZIP central directory');
    const method = dv.getUint16(p + 10, true);
    const compressedSize = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const localOffset = dv.getUint32(p + 42, true);
    const name = decoder.decode(zip.subarray(p + 46, p + 46 + nameLen));
    const dataStart = localOffset + 30 + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    if (method !== METHOD_STORED && method !== METHOD_DEFLATE) throw new Error(`unsupported ZIP method ${method} for ${name}`);
    if (!name.endsWith('/')) entries.set(name, method === METHOD_DEFLATE ? new Uint8Array(zlib.inflateRawSync(raw)) : raw.slice());
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/**
 * OPC readers prefer [Content_Types].xml first and the package relationships next;
 * everything else follows in code-point order of the name.
 */
export function entryOrder(names: Iterable<string>): string[] {
  const rank = (n: string): number => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

interface Packed {
  name: Uint8Array;
  data: Uint8Array;
  crc: number;
  size: number;
  method: number;
  offset: number;
}

function header(signature: number, e: Packed, central: boolean): Uint8Array {
  const buf = new Uint8Array((central ? 46 : 30) + e.name.length);
  const dv = view(buf);
  let p = 0;
  const u16 = (v: number): void => { dv.setUint16(p, v, true); p += 2; };
  const u32 = (v: number): void => { dv.setUint32(p, v, true); p += 4; };
  u32(signature);
  if (central) u16(VERSION); // version made by
  u16(VERSION); u16(FLAG_UTF8); u16(e.method); u16(DOS_TIME_MIDNIGHT); u16(DOS_DATE_1980_01_01);
  u32(e.crc); u32(e.data.length); u32(e.size); u16(e.name.length); u16(0); // extra field length
  if (central) { u16(0); u16(0); u16(0); u32(0); u32(e.offset); } // comment, disk, attrs, offset
  buf.set(e.name, p);
  return buf;
}

function endRecord(count: number, dirSize: number, dirOffset: number): Uint8Array {
  const buf = new Uint8Array(22);
  const dv = view(buf);
  dv.setUint32(0, SIG_END, true);
  dv.setUint16(8, count, true);
  dv.setUint16(10, count, true);
  dv.setUint32(12, dirSize, true);
  dv.setUint32(16, dirOffset, true);
  return buf;
}

/** Writes the entries deflated (level 4), in entryOrder, with fixed timestamps. */
export function writeZip(entries: ZipEntries): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const packed: Packed[] = [];
  let offset = 0;
  for (const name of entryOrder(entries.keys())) {
    const content = entries.get(name) ?? new Uint8Array();
    const deflated = canonicalDeflate(content, { level: 4, raw: true });
    const useDeflate = deflated.length < content.length;
    const e: Packed = {
      name: encoder.encode(name), data: useDeflate ? deflated : content, crc: crc32(content),
      size: content.length, method: useDeflate ? METHOD_DEFLATE : METHOD_STORED, offset,
    };
    const local = header(SIG_LOCAL, e, false);
    chunks.push(local, e.data);
    offset += local.length + e.data.length;
    packed.push(e);
  }
  const dirOffset = offset;
  for (const e of packed) {
    const central = header(SIG_CENTRAL, e, true);
    chunks.push(central);
    offset += central.length;
  }
  chunks.push(endRecord(packed.length, offset - dirOffset, dirOffset));
  return concat(chunks, offset + 22);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let p = 0;
  for (const c of chunks) { out.set(c, p); p += c.length; }
  return out;
}
