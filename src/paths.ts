/** Where the package's own files are, whether run from src/ (tests) or dist/ (CLI). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLED_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');
/**
 * The case long-running and cached code is warmed with (the build's code cache, the workbench at
 * start): a judicial opinion with tables, two grades and a 落款 of several experts, most of what a render runs.
 */
export const WARM_UP_CASE = path.join(PACKAGE_ROOT, 'fixtures', '01_judicial_surgery_fundoplication_two_grades.yaml');
