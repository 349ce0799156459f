/**
 * After tsc: unpacks the bundled WOFF faces (LXGW WenKai ships only as web fonts) into
 * dist/fonts/, once per install, so no render pays for inflating them (see fonts.ts
 * unpackedFontPath). Written to a temporary name and renamed: a build stopped halfway leaves
 * no half a font behind.
 */
import fs from 'node:fs';
import path from 'node:path';
import { singleFace } from '../render/pdf/fontProgram/fontFile.js';
import { BUNDLED_KEYS, bundledFontPath, unpackedFontPath } from '../render/pdf/fonts.js';

for (const key of BUNDLED_KEYS) {
  const target = unpackedFontPath(key);
  if (!target || fs.existsSync(target)) continue;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, singleFace(new Uint8Array(fs.readFileSync(bundledFontPath(key)))));
  fs.renameSync(temporary, target);
}
