import fs from 'node:fs';
import path from 'node:path';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { deflate, deflateRaw } from 'pako';
import { describe, expect, it } from 'vitest';
import { canonicalDeflate } from '../../src/render/canonicalDeflate.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { pdfDeflateOptions } from '../../src/render/pdf/fastFlate.js';

const font = fs.readFileSync(path.join(PACKAGE_ROOT, 'node_modules/@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf')).subarray(200_000, 400_000);
const text = new TextEncoder().encode(fs.readFileSync(path.join(PACKAGE_ROOT, 'fixtures/01_judicial_surgery_fundoplication_two_grades.yaml'), 'utf8').repeat(4));
const content = new TextEncoder().encode(Array.from({ length: 3000 }, (_, i) => `BT /F1 12 Tf 1 0 0 1 ${90 + (i % 28) * 12} ${700 - (i % 40) * 18} Tm <${(0x1000 + i).toString(16)}> Tj ET`).join('\n'));

describe('canonicalDeflate', () => {
  // Whatever it uses underneath, the bytes must be pako's (canonical zlib's): that is what makes
  // the same case give the same PDF and DOCX on any machine.
  // Stream lengths that give every window size and memory level the PDF renderer uses.
  it.each([100, 600, 2_000, 3_000, 5_000, 10_000, 20_000])('gives pako’s bytes for PDF streams (options for %i bytes)', (length) => {
    const o = pdfDeflateOptions(length);
    for (const input of [font, text, content, new Uint8Array()]) {
      const out = canonicalDeflate(input, o);
      expect(Buffer.from(out).equals(Buffer.from(deflate(input, o)))).toBe(true);
      expect(Buffer.from(inflateSync(out)).equals(Buffer.from(input))).toBe(true);
    }
  });

  it('gives pako’s bytes for raw ZIP entries', () => {
    for (const input of [font, text, content]) {
      const out = canonicalDeflate(input, { level: 4, raw: true });
      expect(Buffer.from(out).equals(Buffer.from(deflateRaw(input, { level: 4 })))).toBe(true);
      expect(Buffer.from(inflateRawSync(out)).equals(Buffer.from(input))).toBe(true);
    }
  });
});
