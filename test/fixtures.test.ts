/** Every bundled fixture: valid ones validate cleanly; each invalid one produces the diagnostic it declares. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadCase } from '../src/parse/loadCase.js';

const caseFiles = (dir: string) => fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/i.test(f) && f !== 'expected.yaml').sort();
const load = (dir: string, f: string) => loadCase(fs.readFileSync(path.join(dir, f)), f);
const expected = (dir: string) => YAML.parse(fs.readFileSync(path.join(dir, 'expected.yaml'), 'utf8')) as Record<string, string>;

describe('valid fixtures', () => {
  const files = caseFiles('fixtures');
  it('there are at least 10', () => expect(files.length).toBeGreaterThanOrEqual(10));
  it.each(files)('%s validates with no errors and no warnings', (f) => {
    const r = load('fixtures', f);
    expect(r.diagnostics.map((d) => `${d.code} ${d.path} ${d.message}`)).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe('invalid fixtures', () => {
  const dir = 'fixtures/invalid';
  const table = expected(dir);
  it('every file declares its diagnostic, and every declaration has a file', () => {
    expect(Object.keys(table).sort()).toEqual(caseFiles(dir));
    expect(Object.keys(table).length).toBeGreaterThanOrEqual(10);
  });
  it.each(Object.entries(table))('%s → %s', (f, code) => {
    const r = load(dir, f);
    expect(r.ok).toBe(false);
    expect(r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toContain(code);
  });
});

describe('warning fixtures', () => {
  const dir = 'fixtures/invalid/warnings';
  it.each(Object.entries(expected(dir)))('%s stays valid but warns %s', (f, code) => {
    const r = load(dir, f);
    expect(r.ok).toBe(true);
    expect(r.diagnostics.filter((d) => d.severity === 'warning').map((d) => d.code)).toContain(code);
  });
});
