/**
 * After tsc: compiles the bundled Handlebars templates once, at build time, into
 * dist/templates-precompiled.json (see src/templates/precompiled.ts). Only templates that pass
 * the same checks a render makes are recorded: any other is compiled, and its error reported,
 * at run time as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { BUNDLED_TEMPLATES } from '../paths.js';
import { checkSource, COMPILE_OPTIONS } from '../templates/engine.js';
import { partialNames, readTemplate, templateFiles } from '../templates/folder.js';
import { PRECOMPILED_FILE, type PrecompiledRecord } from '../templates/precompiled.js';

export function precompiledRecord(): PrecompiledRecord {
  const known = { partials: partialNames([BUNDLED_TEMPLATES]) };
  const specs: Record<string, string> = {};
  for (const rel of templateFiles(BUNDLED_TEMPLATES)) {
    const file = path.join(BUNDLED_TEMPLATES, rel);
    const { text, sha256 } = readTemplate(file);
    const { ast, errors } = checkSource({ shown: file, text }, known);
    if (ast && errors.length === 0) specs[sha256] = String(Handlebars.precompile(ast, COMPILE_OPTIONS));
  }
  return { handlebars: Handlebars.VERSION, specs };
}

/** Written under a temporary name and renamed: a build stopped halfway leaves the old record or none. */
export function writePrecompiledTemplates(): void {
  const temporary = `${PRECOMPILED_FILE}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(precompiledRecord()));
  fs.renameSync(temporary, PRECOMPILED_FILE);
}
