/** Where the package's own files are, whether run from src/ (tests) or dist/ (CLI). */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLED_TEMPLATES = path.join(PACKAGE_ROOT, 'templates');
