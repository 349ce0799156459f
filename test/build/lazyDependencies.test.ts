/**
 * The bundle defers fontkit's Unicode tables and brotli to their first use (src/build/lazyDependencies.ts):
 * what they answer must not change, only when the work is done.
 */
import { build } from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { brotliCompressSync, deflateRawSync } from 'node:zlib';
import { getCategory, getScript, isMark } from 'unicode-properties';
import { describe, expect, it } from 'vitest';
import { lazyDependencies } from '../../src/build/lazyDependencies.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

const PROBE = `
import { getCategory, getScript, isMark } from 'unicode-properties';
import decompress from 'brotli/decompress.js';
import inflate from 'tiny-inflate';
export const answers = (cps) => cps.map((cp) => [getCategory(cp), getScript(cp), isMark(cp)]);
export { decompress, inflate };`;

async function bundled(): Promise<{ answers(cps: number[]): unknown[]; decompress(b: Uint8Array): Uint8Array; inflate(s: Uint8Array, d: Uint8Array): Uint8Array; source: string }> {
  const dir = fs.mkdtempSync(path.join(PACKAGE_ROOT, 'node_modules', '.jd-lazy-'));
  const outfile = path.join(dir, 'probe.mjs');
  try {
    await build({
      stdin: { contents: PROBE, resolveDir: PACKAGE_ROOT, loader: 'js' }, outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'silent',
      banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" }, plugins: [lazyDependencies],
    });
    const source = fs.readFileSync(outfile, 'utf8');
    return { ...(await import(pathToFileURL(outfile).href)), source };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('fontkit’s dependencies, deferred in the bundle', () => {
  it('answer Unicode properties as the packages do, and build the tables only when asked', async () => {
    const b = await bundled();
    expect(b.source).toContain('LazyUnicodeTrie');
    const cps = [0x41, 0x4e00, 0x9451, 0x0301, 0x0627, 0x3002, 0xff0c, 0x1f600, 0x20000];
    expect(b.answers(cps)).toEqual(cps.map((cp) => [getCategory(cp), getScript(cp), isMark(cp)]));
  });

  it('still decompress WOFF2 (brotli) data, loading brotli on first use', async () => {
    const b = await bundled();
    expect(b.source).not.toContain('BrotliDecompressBuffer');
    const text = new TextEncoder().encode('鉴定意见书 glyf loca '.repeat(200));
    expect(Buffer.from(b.decompress(brotliCompressSync(text))).equals(Buffer.from(text))).toBe(true);
  });

  it('inflate as tiny-inflate does, on native zlib: a trailer ignored, the output cut to what was inflated', async () => {
    const b = await bundled();
    expect(b.source).not.toContain('tinf_uncompress');
    const tiny = createRequire(import.meta.url)('tiny-inflate') as (s: Uint8Array, d: Uint8Array) => Uint8Array;
    const text = new TextEncoder().encode('鉴定意见书 hmtx cmap '.repeat(300));
    const raw = new Uint8Array([...deflateRawSync(text), 1, 2, 3, 4]);
    for (const size of [text.length, text.length + 10, text.length - 7]) {
      expect(Buffer.from(b.inflate(raw, new Uint8Array(size)))).toEqual(Buffer.from(tiny(raw, new Uint8Array(size))));
    }
    expect(() => b.inflate(new Uint8Array([255, 255, 255]), new Uint8Array(8))).toThrow();
  });
});
