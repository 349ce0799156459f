/**
 * The bundled templates, compiled by Handlebars at build time (src/build/precompileTemplates.ts)
 * and found again by the SHA-256 of their file, the hash the manifest records. Parsing, checking
 * and compiling them was about 60 ms of a cold `render`; a template whose text is not in the
 * record — an institution's own, or a bundled one edited since the build — is compiled as
 * before, so the record can only be missing or out of date, never wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { PACKAGE_ROOT } from '../paths.js';

export const PRECOMPILED_FILE = path.join(PACKAGE_ROOT, 'dist', 'templates-precompiled.json');

/** What the build writes: the Handlebars version that compiled, and each template's spec as JavaScript source. */
export interface PrecompiledRecord { handlebars: string; specs: Record<string, string> }

let record: PrecompiledRecord | null | undefined;

/** Read once per process; a missing or unreadable record, or one from another Handlebars, counts as empty. */
function load(): PrecompiledRecord | null {
  if (record !== undefined) return record;
  try {
    const r = JSON.parse(fs.readFileSync(PRECOMPILED_FILE, 'utf8')) as PrecompiledRecord;
    record = r.handlebars === Handlebars.VERSION && r.specs && typeof r.specs === 'object' ? r : null;
  } catch {
    record = null;
  }
  return record;
}

/** The compiled spec for a template file, by its SHA-256, if the build compiled that very file. */
export function precompiledSpec(sha256: string): TemplateSpecification | undefined {
  const source = load()?.specs[sha256];
  // The spec is Handlebars' own output for our bundled file, evaluated as Handlebars.compile would.
  return source === undefined ? undefined : (new Function(`return ${source};`)() as TemplateSpecification);
}
