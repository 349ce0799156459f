/**
 * After tsc: probes, once for this engine, every deflate setting the renderers can choose
 * (levels 1–9, ZIP and zlib framing, windows of 512 B–32 KB, memory levels 1–9) and records
 * where native zlib gives canonical bytes (src/render/deflateRecord.ts reads it at run time).
 */
import fs from 'node:fs';
import { optionsKey, probeNativeMatchesCanonical, type DeflateOptions } from '../render/canonicalDeflate.js';
import { DEFLATE_RECORD_FILE, engineFingerprint, type DeflateRecord } from '../render/deflateRecord.js';

function* settings(): Generator<DeflateOptions> {
  for (let level = 1; level <= 9; level++) {
    for (const raw of [false, true]) {
      for (let windowBits = 9; windowBits <= 15; windowBits++) {
        for (let memLevel = 1; memLevel <= 9; memLevel++) yield { level, raw, windowBits, memLevel };
      }
    }
  }
}

export function writeDeflateRecord(): void {
  const record: DeflateRecord = { engine: engineFingerprint(), nativeIsCanonical: {} };
  for (const o of settings()) record.nativeIsCanonical[optionsKey(o)] = probeNativeMatchesCanonical(o);
  fs.writeFileSync(DEFLATE_RECORD_FILE, `${JSON.stringify(record)}\n`);
}
