/** Test credentials made in the test itself (never a real person's key), and a transparent seal PNG. */
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { TEST_PASSWORD, testP12 } from '../../dist/bench/testCredentials.js';

export const PASSWORD = TEST_PASSWORD;

/** A self-signed certificate for `name` in a .p12 protected by PASSWORD, written into `dir`. */
export function makeP12(dir: string, name: string): string {
  const file = path.join(dir, `${name}.p12`);
  fs.writeFileSync(file, testP12(name));
  return file;
}

/** A red ring on a transparent background, like a scanned seal's outline. */
export function sealPng(dir: string, size = 240): string {
  const png = new PNG({ width: size, height: size });
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x - c, y - c);
      const ink = r < c - 2 && r > c - 14;
      const i = (y * size + x) * 4;
      png.data[i] = 220; png.data[i + 1] = 30; png.data[i + 2] = 30; png.data[i + 3] = ink ? 230 : 0;
    }
  }
  const file = path.join(dir, 'seal.png');
  fs.writeFileSync(file, PNG.sync.write(png));
  return file;
}
