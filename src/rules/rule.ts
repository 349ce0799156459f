/** What a rule is: a pure function from a valid case to diagnostics. */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';
import type { Case } from '../schema/case.js';

export type Rule = (c: Case) => Diagnostic[];

export function diag(severity: Severity, code: string, path: string, message: string, messageEn: string): Diagnostic {
  return { severity, code, path, message, messageEn };
}
export const error = (code: string, path: string, zh: string, en: string) => diag('error', code, path, zh, en);
export const warning = (code: string, path: string, zh: string, en: string) => diag('warning', code, path, zh, en);
