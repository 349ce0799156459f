/** A fingerprint of the render options a version must remember, so a rerun can tell whether they changed. */
import fs from 'node:fs';
import { sha256 } from '../register/index.js';
import type { RenderFileOptions } from './renderFile.js';

/** Formats are not part of it: a version may gain a format it lacked (the same pipeline's bytes). */
export function settingsFingerprint(o: RenderFileOptions): string {
  // Font files by path and size: re-hashing tens of MB per case would cost more than rendering.
  const fonts = Object.entries(o.fonts ?? {}).sort().map(([slot, spec]) => {
    const file = typeof spec === 'string' ? spec : spec?.file;
    return [slot, spec, file ? fs.statSync(file).size : 0];
  });
  const images = o.images && { seal: o.images.seal && sha256(o.images.seal), signatures: Object.entries(o.images.signatures ?? {}).map(([n, b]) => [n, sha256(b)]) };
  // De-identification settings count for samples only, so other versions keep their fingerprints.
  const deid = o.sample ? { deid: { shiftDays: o.deid?.shiftDays ?? 0, allow: [...(o.deid?.allow ?? [])].sort() } } : {};
  const reference = o.referenceDocx ? { referenceDocx: sha256(o.referenceDocx) } : {};
  return sha256(JSON.stringify({ sample: o.sample ?? false, fonts, defaults: o.defaults ?? {}, ...(images ? { images } : {}), ...(o.style ? { style: o.style } : {}), ...reference, ...deid }));
}
