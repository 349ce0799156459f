/**
 * Deflate whose bytes are the same on every machine, at native speed where that is safe.
 *
 * "Same input, same bytes" needs canonical zlib output. pako (pure JavaScript) always gives
 * it; Node's bundled zlib (Chromium's fork) gives it too unless it was built to hash with the
 * CPU's CRC32 instructions, and it is three times faster. So each set of options is probed:
 * native zlib is used only if it compresses a probe exactly as pako does; a different hash
 * would change the matches, and so the bytes, on any probe of this kind. The build probes
 * once and records the answer for its engine (deflateRecord.ts); a process probes only
 * options or engines the record does not cover.
 */
import { deflateRawSync, deflateSync, type ZlibOptions } from 'node:zlib';
import { deflate as pakoDeflate, deflateRaw as pakoDeflateRaw } from 'pako';
import { recordedDecision } from './deflateRecord.js';

export interface DeflateOptions {
  level: number;
  /** Raw deflate (ZIP entries) rather than the zlib wrapper (PDF streams). */
  raw?: boolean;
  windowBits?: number;
  memLevel?: number;
}

/** Level, window and memory as both libraries take them (pako reads an undefined as a value). */
function zlibOptions(o: DeflateOptions): ZlibOptions {
  return { level: o.level, windowBits: o.windowBits ?? 15, memLevel: o.memLevel ?? 8 };
}

function pako(bytes: Uint8Array, o: DeflateOptions): Uint8Array {
  const options = zlibOptions(o) as Parameters<typeof pakoDeflate>[1];
  return o.raw ? pakoDeflateRaw(bytes, options) : pakoDeflate(bytes, options);
}

function native(bytes: Uint8Array, o: DeflateOptions): Uint8Array {
  const options = zlibOptions(o);
  const out = o.raw ? deflateRawSync(bytes, options) : deflateSync(bytes, options);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** 6 KB of text-like data with repeats near and far (past the smallest window), the same on every run. */
function probeInput(): Uint8Array {
  const words = ['鉴定', 'glyf', '<w:r>', 'BT /F1 12 Tf', '患者', '\u0000\u0001\u00ff', '医疗过错', ' 0 0 1 '];
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let seed = 20261123;
  let size = 0;
  while (size < 6 * 1024) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    const word = seed % 7 === 0 ? String(seed) : (words[seed % words.length] ?? '');
    const bytes = encoder.encode(word);
    parts.push(bytes);
    size += bytes.length;
  }
  const out = new Uint8Array(size);
  let p = 0;
  for (const part of parts) { out.set(part, p); p += part.length; }
  return out;
}

let probe: Uint8Array | undefined;
const nativeIsCanonical = new Map<string, boolean>();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

export function optionsKey(o: DeflateOptions): string {
  return `${o.level}/${o.raw ? 'raw' : 'zlib'}/${o.windowBits ?? 15}/${o.memLevel ?? 8}`;
}

/** Whether native zlib gives pako's bytes for these options, on a probe made now. */
export function probeNativeMatchesCanonical(o: DeflateOptions): boolean {
  probe ??= probeInput();
  try {
    return sameBytes(native(probe, o), pako(probe, o));
  } catch {
    return false;
  }
}

/** Whether native zlib gives pako's bytes for these options (recorded by the build, else probed; then remembered). */
export function nativeMatchesCanonical(o: DeflateOptions): boolean {
  const key = optionsKey(o);
  let known = nativeIsCanonical.get(key);
  if (known === undefined) {
    known = recordedDecision(key) ?? probeNativeMatchesCanonical(o);
    nativeIsCanonical.set(key, known);
  }
  return known;
}

export function canonicalDeflate(bytes: Uint8Array, o: DeflateOptions): Uint8Array {
  return nativeMatchesCanonical(o) ? native(bytes, o) : pako(bytes, o);
}
