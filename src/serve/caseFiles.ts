/**
 * The workbench's case files: plain names inside its folder, nothing else. A name from a
 * request is never joined to a path before it is proved to be one of the folder's case files.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isCaseFileName } from '../cli/files.js';
import { isPlainFileName } from '../register/naming.js';

/** A case file's own name: no folder, not hidden (temporaries are), YAML or JSON, not an output. */
export function isCaseName(name: string): boolean {
  return isPlainFileName(name) && !name.startsWith('.') && isCaseFileName(name);
}

/** Case files directly in the folder (regular files only), sorted. */
export function caseNames(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && isCaseName(e.name))
    .map((e) => e.name)
    .sort();
}

/** The path of a case file in the folder, or undefined when the name is not one. */
export function casePath(folder: string, name: string): string | undefined {
  if (!isCaseName(name)) return undefined;
  const file = path.join(folder, name);
  return path.dirname(path.resolve(file)) === path.resolve(folder) ? file : undefined;
}

/** An output file the register wrote, by plain name inside the output folder. */
export function outputPath(out: string, name: string): string | undefined {
  if (!isPlainFileName(name) || !/\.(pdf|docx|deid\.txt|manifest\.json)$/i.test(name) || name.startsWith('.')) return undefined;
  return path.join(out, name);
}
