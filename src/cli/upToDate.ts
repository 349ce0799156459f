/**
 * A rerun of a batch skips cases whose outputs are on disk and match their manifest for the
 * same input, options, tool version and templates — so an interrupted batch finishes the rest.
 */
import fs from 'node:fs';
import path from 'node:path';
import { readManifest, sha256, type Manifest } from '../pipeline/manifest.js';
import { locate } from '../templates/engine.js';
import type { RenderFileOptions } from './renderFile.js';
import { settingsFingerprint } from './settings.js';
import { TOOL_VERSION } from './version.js';

/** The manifest of the earlier render when it still holds, else undefined. */
export function upToDate(caseFile: string, manifestFile: string, o: RenderFileOptions): Manifest | undefined {
  const m = readManifest(manifestFile);
  if (!m) return undefined;
  const dir = path.dirname(manifestFile);
  const same = m.version === TOOL_VERSION && m.sample === (o.sample ?? false) && (o.status === undefined || m.status === o.status)
    && m.settings === settingsFingerprint(o) && m.input.sha256 === sha256(fs.readFileSync(caseFile));
  if (!same) return undefined;
  try {
    const templates = Object.entries(m.templates).every(([rel, hash]) => sha256(fs.readFileSync(locate(rel, o.templatesDir))) === hash);
    const outputs = m.outputs.every((x) => fs.existsSync(path.join(dir, x.file)) && sha256(fs.readFileSync(path.join(dir, x.file))) === x.sha256);
    return templates && outputs ? m : undefined;
  } catch {
    return undefined;
  }
}
