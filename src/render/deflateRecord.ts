/**
 * Whether native zlib gives canonical bytes is a fact about the engine (Node, its zlib, the
 * CPU's instructions), not about a run. The build (`npm run build`, which `npm ci` runs)
 * probes once and records it in dist/; a process whose engine matches the record reads it
 * instead of probing, which cost 30–45 ms of every cold start (issue 17). Any other engine —
 * Node upgraded, the folder copied to another machine — finds no record and probes as before.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

export const DEFLATE_RECORD_FILE = path.join(PACKAGE_ROOT, 'dist', 'deflate-engine.json');

export interface DeflateRecord {
  engine: string;
  /** Options key (see optionsKey) → native zlib gives pako's bytes. */
  nativeIsCanonical: Record<string, boolean>;
}

/** The CPU's instruction-set line: zlib's hashing follows the instructions it finds. */
function cpuFeatures(): string {
  try {
    return /^(?:flags|Features)\s*:(.*)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'latin1'))?.[1]?.trim() ?? '';
  } catch {
    return '';
  }
}

/** Everything the native bytes can depend on, hashed. */
export function engineFingerprint(): string {
  const parts = [process.version, process.versions.zlib ?? '', process.arch, process.platform, os.cpus()[0]?.model ?? '', cpuFeatures()];
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** The recorded decisions when the record is for this engine, else none. */
export function decisionsFor(record: DeflateRecord | undefined, engine: string): ReadonlyMap<string, boolean> {
  if (!record || record.engine !== engine) return new Map();
  return new Map(Object.entries(record.nativeIsCanonical).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
}

function readRecord(file: string): DeflateRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as DeflateRecord;
  } catch {
    return undefined; // not built yet, or unreadable: probe instead
  }
}

let recorded: ReadonlyMap<string, boolean> | undefined;

/** The build's decision for these options on this engine, or undefined (then probe). */
export function recordedDecision(key: string): boolean | undefined {
  recorded ??= decisionsFor(readRecord(DEFLATE_RECORD_FILE), engineFingerprint());
  return recorded.get(key);
}
