/** All rules, in the order an appraiser reads a report. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import type { Rule } from './rule.js';

export const RULES: Rule[] = [];

export function runRules(c: Case): Diagnostic[] {
  return RULES.flatMap((rule) => rule(c));
}
