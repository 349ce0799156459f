/** Every bundled fixture: valid ones validate cleanly; each invalid one produces the diagnostic it declares. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { loadCase } from '../src/parse/loadCase.js';

const caseFiles = (dir: string) => fs.readdirSync(dir).filter((f) => /\.(ya?ml|json)$/i.test(f) && f !== 'expected.yaml').sort();
const load = (dir: string, f: string) => loadCase(fs.readFileSync(path.join(dir, f)), f);
const expected = (dir: string) => YAML.parse(fs.readFileSync(path.join(dir, 'expected.yaml'), 'utf8')) as Record<string, string>;

/** Fixtures that teach a warning: the late report is issued with its delay explained (Art. 26). */
const TEACHING_WARNINGS: Record<string, string[]> = {
  '15_association_orthopaedics_hip_dislocation_late_report.yaml': ['DATE_REPORT_DEADLINE'],
};

describe('valid fixtures', () => {
  const files = caseFiles('fixtures');
  it('there are at least 15', () => expect(files.length).toBeGreaterThanOrEqual(15));
  it.each(files)('%s validates with no errors and no warnings but those it teaches', (f) => {
    const r = load('fixtures', f);
    expect(r.diagnostics.map((d) => `${d.code} ${d.path} ${d.message}`).filter((d) => !(TEACHING_WARNINGS[f] ?? []).includes(d.split(' ')[0]!))).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(TEACHING_WARNINGS[f] ?? []);
    expect(r.ok).toBe(true);
  });

  // `npm run demo` puts every fixture in one register, which refuses a number used by another case.
  it('each has a document number of its own, so the demo issues them all into one register', () => {
    const numbers = files.map((f) => load('fixtures', f).case?.report.documentNumber);
    expect(numbers.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
    expect(numbers.filter((n, i) => numbers.indexOf(n) !== i)).toEqual([]);
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
