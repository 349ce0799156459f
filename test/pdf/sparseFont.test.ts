/**
 * One-document commands read the bundled faces' outlines glyph by glyph (fontProgram/sparseFont.ts):
 * the documents must be the very same as with whole files, watermark paths and ink bounds included.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readWithoutOutlines, ensureGlyph } from '../../src/render/pdf/fontProgram/sparseFont.js';
import { bundledFontPath } from '../../src/render/pdf/fonts.js';

const dist = (f: string) => pathToFileURL(path.resolve('dist', f)).href;

/** SHA-256 of each fixture's PDF (final, draft with its watermark, training sample), rendered in a fresh process. */
function pdfHashes(onDemand: boolean): Record<string, string> {
  const script = `
    import fs from 'node:fs'; import crypto from 'node:crypto';
    ${onDemand ? `(await import(${JSON.stringify(dist('render/pdf/fontReads.js'))})).readOutlinesOnDemand();` : ''}
    const { renderCase } = await import(${JSON.stringify(dist('index.js'))});
    const out = {};
    for (const f of fs.readdirSync('fixtures').filter((f) => /\\.(yaml|json)$/.test(f)).sort()) {
      for (const options of [{}, { status: 'draft' }, { sample: true }]) {
        const r = await renderCase(fs.readFileSync('fixtures/' + f), { formats: ['pdf'], ...options }, f);
        out[f + JSON.stringify(options)] = r.ok ? crypto.createHash('sha256').update(r.outputs[0].bytes).digest('hex') : 'not rendered';
      }
    }
    process.stdout.write(JSON.stringify(out));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, string>;
}

describe('font outlines read on demand', () => {
  it('give every fixture the same PDF bytes as whole files (final, draft watermark, sample)', () => {
    const whole = pdfHashes(false);
    const onDemand = pdfHashes(true);
    expect(Object.keys(whole).length).toBeGreaterThanOrEqual(57);
    expect(Object.values(whole)).not.toContain('not rendered');
    expect(onDemand).toEqual(whole);
  });

  it('leave the outlines unread until a glyph is asked for, then read it and its components', () => {
    const file = bundledFontPath('noto-serif-sc-400');
    const full = new Uint8Array(fs.readFileSync(file));
    const sparse = readWithoutOutlines(file, 1 << 27);
    expect(sparse).toBeDefined();
    const bytes = sparse!;
    expect(bytes.length).toBe(full.length);
    const differing = () => {
      let n = 0;
      for (let i = 0; i < full.length; i++) if (bytes[i] !== full[i]) n++;
      return n;
    };
    const unread = differing();
    expect(unread).toBeGreaterThan(full.length / 2); // the glyf table is most of the file
    ensureGlyph(bytes, 1000); // one glyph: only its bytes arrive
    const afterOne = differing();
    expect(afterOne).toBeLessThan(unread);
    expect(unread - afterOne).toBeLessThan(4096);
    for (let gid = 0; gid < 0x10000; gid++) ensureGlyph(bytes, gid);
    expect(differing()).toBe(0);
  });
});
