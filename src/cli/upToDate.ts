/**
 * A rerun of a batch skips cases whose outputs are already on disk and match their manifest
 * for the same input, options, tool version and templates — so an interrupted batch finishes the rest.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../pipeline/manifest.js';
import { locate } from '../templates/engine.js';

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

export function isUpToDate(caseFile: string, manifestFile: string, expect: { version: string; sample: boolean; formats: string[]; status?: string; templatesDir?: string }): boolean {
  try {
    const m = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
    const dir = path.dirname(manifestFile);
    const sameInput = m.input.sha256 === sha(caseFile) && m.version === expect.version && m.sample === expect.sample;
    const sameStatus = expect.status === undefined || m.status === expect.status;
    const formats = m.outputs.map((o) => path.extname(o.file).slice(1)).sort().join(',');
    const templatesSame = Object.entries(m.templates).every(([rel, hash]) => sha(locate(rel, expect.templatesDir)) === hash);
    return sameInput && sameStatus && templatesSame && formats === [...expect.formats].sort().join(',')
      && m.outputs.every((o) => fs.existsSync(path.join(dir, o.file)) && sha(path.join(dir, o.file)) === o.sha256);
  } catch {
    return false;
  }
}
