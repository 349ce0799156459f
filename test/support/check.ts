/** Runs a (possibly edited) base case through the whole pipeline and returns the diagnostic codes. */
import { loadCase } from '../../src/parse/loadCase.js';
import type { CaseInput } from '../../src/schema/case.js';
import { baseCase } from './baseCase.js';

export function diagnose(edit: (c: CaseInput) => void = () => {}) {
  const c = structuredClone(baseCase());
  edit(c);
  return loadCase(Buffer.from(JSON.stringify(c)), 'case.json');
}

export function codes(edit: (c: CaseInput) => void = () => {}): string[] {
  return diagnose(edit).diagnostics.map((d) => d.code);
}
