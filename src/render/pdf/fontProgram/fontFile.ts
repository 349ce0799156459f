/**
 * Any font file jianding accepts, turned into one plain sfnt face: the subsetter, the metrics
 * and fontkit then all read the same bytes.
 * - a collection (TTC/OTC) gives the face the configuration names ("Noto Serif CJK SC"), not
 *   whichever face happens to be first (the Japanese one in Noto's collections);
 * - WOFF 1.0 (the bundled LXGW WenKai ships only as web fonts) is its sfnt tables deflated one
 *   by one, so unpacking is a loop over the directory with node's zlib;
 * - WOFF2 is refused: its glyf transform needs a decoder this project does not carry.
 */
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { viewOf, writeSfnt } from './sfnt.js';

const TTC = 0x74746366; // 'ttcf'
const WOFF = 0x774f4646; // 'wOFF'
const WOFF2 = 0x774f4632; // 'wOF2'

/** Face names in a collection, as a user would write them (family, full and PostScript name). */
export interface FaceNames {
  family: string;
  full: string;
  postscript: string;
}

export class FaceNotFound extends Error {
  constructor(
    readonly wanted: string,
    readonly available: FaceNames[],
  ) {
    super(`no face named "${wanted}"`);
  }
}

function namesOf(font: Font): FaceNames {
  return { family: font.familyName ?? '', full: font.fullName ?? '', postscript: font.postscriptName ?? '' };
}

function matches(names: FaceNames, wanted: string): boolean {
  const w = wanted.trim().toLowerCase();
  return [names.family, names.full, names.postscript].some((n) => n.toLowerCase() === w);
}

/** Copies one face's tables out of a collection (directory at `dir`) into a file of its own. */
function extractFace(bytes: Uint8Array, dir: number): Uint8Array {
  const view = viewOf(bytes);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(dir + 4); i++) {
    const record = dir + 12 + i * 16;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    const offset = view.getUint32(record + 8);
    tables.set(tag, bytes.subarray(offset, offset + view.getUint32(record + 12)));
  }
  return writeSfnt(tables, view.getUint32(dir));
}

/** The collection's face with this name; without a name the first face, as before. */
function faceOfCollection(bytes: Uint8Array, wanted: string | undefined): Uint8Array {
  const view = viewOf(bytes);
  const count = view.getUint32(8);
  const collection = fontkit.create(bytes) as unknown as { fonts: Font[] };
  const names = collection.fonts.map(namesOf);
  const index = wanted === undefined ? 0 : names.findIndex((n) => matches(n, wanted));
  if (index < 0 || index >= count) throw new FaceNotFound(wanted ?? '', names);
  return extractFace(bytes, view.getUint32(12 + index * 4));
}

/** WOFF 1.0 → sfnt: each table is stored deflated unless that would not have made it smaller. */
function unpackWoff(bytes: Uint8Array): Uint8Array {
  const view = viewOf(bytes);
  const tables = new Map<string, Uint8Array>();
  for (let i = 0; i < view.getUint16(12); i++) {
    const record = 44 + i * 20;
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4));
    const offset = view.getUint32(record + 4);
    const stored = bytes.subarray(offset, offset + view.getUint32(record + 8));
    const length = view.getUint32(record + 12);
    const data = stored.length < length ? new Uint8Array(inflateSync(stored)) : stored;
    if (data.length !== length) throw new Error(`WOFF table '${tag}' unpacks to ${data.length} bytes, not ${length}`);
    tables.set(tag, data);
  }
  return writeSfnt(tables, view.getUint32(4));
}

/** One sfnt face from a font file; `face` names the face to take from a collection. */
export function singleFace(bytes: Uint8Array, face?: string): Uint8Array {
  if (bytes.length < 12) throw new Error('file is too short to be a font');
  const magic = viewOf(bytes).getUint32(0);
  if (magic === TTC) return faceOfCollection(bytes, face);
  if (face !== undefined) throw new Error(`"${face}" names a face, but the file is a single font, not a collection (.ttc/.otc)`);
  if (magic === WOFF) return unpackWoff(bytes);
  if (magic === WOFF2) throw new Error('WOFF2 web fonts are not supported: use the .ttf/.otf/.ttc or .woff file');
  return bytes;
}
