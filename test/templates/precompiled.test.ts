/**
 * The bundled templates are compiled at build time (src/build/precompileTemplates.ts) and found
 * by the SHA-256 of their file: a template compiled at run time must give the same document.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { precompiledRecord } from '../../src/build/precompileTemplates.js';
import { BUNDLED_TEMPLATES } from '../../src/paths.js';
import { sha256 } from '../../src/register/hash.js';
import { precompiledSpec } from '../../src/templates/precompiled.js';
import { build, templatesDir } from './support.js';

const bundled = (): string[] => fs.readdirSync(BUNDLED_TEMPLATES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.hbs'));

describe('precompiled bundled templates', () => {
  it('the build records every bundled template, and the record in dist/ is the current one', () => {
    const record = precompiledRecord();
    for (const rel of bundled()) {
      const hash = sha256(fs.readFileSync(path.join(BUNDLED_TEMPLATES, rel)));
      expect(record.specs[hash], rel).toBeDefined();
      expect(precompiledSpec(hash), rel).toBeDefined();
    }
  });

  it('a text the build did not compile (an institution’s template, an edited one) has no spec', () => {
    const text = fs.readFileSync(path.join(BUNDLED_TEMPLATES, 'association', 'report.hbs'), 'utf8');
    expect(precompiledSpec(sha256(`${text}{{!-- edited --}}`))).toBeUndefined();
  });

  it('renders the same document as the same templates compiled at run time', () => {
    // Every template copied with a trailing comment: the same output, but text the record does not know.
    const files = Object.fromEntries(bundled().map((rel) => [rel, `${fs.readFileSync(path.join(BUNDLED_TEMPLATES, rel), 'utf8')}{{!-- copy --}}`]));
    const compiledNow = build(templatesDir(files));
    const precompiled = build();
    // The verification code differs: it covers the templates' hashes, and the copies' differ.
    const markup = (b: { markup: string }) => b.markup.replace(/<verification code="[^"]*"/, '<verification');
    expect(markup(compiledNow).length).toBeGreaterThan(1000);
    expect(markup(compiledNow)).toBe(markup(precompiled));
  });
});
