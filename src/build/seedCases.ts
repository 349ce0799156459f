/**
 * `npm run workbench` opens the workbench on copies of the bundled fixtures in output/cases,
 * so that trying the workbench never edits the fixtures themselves. Existing copies are kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

const from = path.join(PACKAGE_ROOT, 'fixtures');
const to = path.join(PACKAGE_ROOT, 'output', 'cases');
fs.mkdirSync(to, { recursive: true });
for (const f of fs.readdirSync(from)) {
  if (/\.(ya?ml|json)$/.test(f) && !fs.existsSync(path.join(to, f))) fs.copyFileSync(path.join(from, f), path.join(to, f));
}
