/**
 * After install: the font packages ship every weight (Noto Serif SC alone nine, 115 MB) and
 * WenKai three, each as WOFF and WOFF2; jianding embeds two weights of each. No npm package
 * ships just those, so the build deletes the other font files from this project's own
 * node_modules — never from a node_modules it shares with another project — and leaves the
 * packages' licences and metadata. Run again after every `npm ci`; deleting twice is harmless.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PACKAGE_ROOT } from '../paths.js';
import { bundledPackages } from '../render/pdf/fonts.js';

const require = createRequire(import.meta.url);
const FONT_FILE = /\.(ttf|otf|woff2?|png)$/i;

function* files(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

let freed = 0;
const own = path.join(PACKAGE_ROOT, 'node_modules') + path.sep;
for (const [pkg, used] of bundledPackages()) {
  const root = path.dirname(require.resolve(`${pkg}/package.json`));
  if (!root.startsWith(own)) continue;
  const keep = new Set(used.map((file) => path.join(root, file)));
  for (const file of files(root)) {
    if (!FONT_FILE.test(file) || keep.has(file)) continue;
    freed += fs.statSync(file).size;
    fs.rmSync(file);
  }
}
if (freed > 0) console.log(`pruneFonts: removed ${(freed / 1e6).toFixed(0)} MB of unused font weights from node_modules`);
