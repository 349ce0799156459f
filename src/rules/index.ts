/** All rules, in the order an appraiser reads a report. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';
import { accidentRules } from './accidentRules.js';
import { autopsyRules } from './autopsyRules.js';
import { causationDuplicateRule } from './causationDuplicateRule.js';
import { causationRules } from './causationRules.js';
import { citationRules } from './citationRules.js';
import { dateRules } from './dateRules.js';
import { documentNumberRule } from './documentNumberRule.js';
import { gradeBasisRule } from './gradeBasisRule.js';
import { idInTextRule } from './idInTextRule.js';
import { institutionRules } from './institutionRules.js';
import { judicialRules } from './judicialRules.js';
import { opinionTextRule } from './opinionTextRule.js';
import { panelRules } from './panelRules.js';
import { partyRules } from './partyRules.js';
import { procedureRules } from './procedureRules.js';
import { referenceRules } from './referenceRules.js';
import type { Rule } from './rule.js';
import { sharesRules } from './sharesRules.js';
import { supplementRules } from './supplementRules.js';
import { textRules } from './textRules.js';

export const RULES: Rule[] = [
  documentNumberRule, procedureRules, supplementRules, partyRules, dateRules, panelRules, judicialRules,
  referenceRules, idInTextRule, institutionRules, causationRules, sharesRules, causationDuplicateRule, gradeBasisRule, autopsyRules, accidentRules, citationRules, textRules, opinionTextRule,
];

export function runRules(c: Case): Diagnostic[] {
  return RULES.flatMap((rule) => rule(c));
}
