/** A fingerprint of the render options a manifest must remember, so a rerun can tell whether they changed. */
import fs from 'node:fs';
import { sha256 } from '../pipeline/manifest.js';
import type { RenderFileOptions } from './renderFile.js';

export function settingsFingerprint(o: RenderFileOptions): string {
  // Font files by path and size: re-hashing tens of MB per case would cost more than rendering.
  const fonts = Object.entries(o.fonts ?? {}).sort().map(([slot, file]) => [slot, file, file ? fs.statSync(file).size : 0]);
  return sha256(JSON.stringify({ formats: [...o.formats].sort(), fonts, defaults: o.defaults ?? {} }));
}
