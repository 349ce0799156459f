/**
 * An institution may set a rule's severity (config `rules`), with the reason it gives: a rule it
 * treats more strictly, or a warning it accepts as its practice. Only rule diagnostics are
 * affected — the file's syntax and the schema are never downgraded. The reason is printed with
 * the diagnostic and in the manifest.
 */
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.js';

export interface SeverityOverride { severity: Severity; reason: string }
export type SeverityOverrides = Record<string, SeverityOverride>;

/** Codes no configuration may change: they guard the file and the document itself, not a practice. */
const FIXED = /^(PARSE_|SCHEMA_|TEXT_)/;

export function isOverridable(code: string): boolean {
  return !FIXED.test(code);
}

export function applyOverrides(diagnostics: Diagnostic[], overrides: SeverityOverrides | undefined): Diagnostic[] {
  if (!overrides) return diagnostics;
  return diagnostics.map((d) => {
    const o = overrides[d.code];
    if (!o || !isOverridable(d.code) || o.severity === d.severity) return d;
    const level = o.severity === 'error' ? '错误' : '警告';
    return { ...d, severity: o.severity, message: `${d.message}（本机构设定为${level}：${o.reason}）`, messageEn: `${d.messageEn} (set to ${o.severity} by the institution: ${o.reason})` };
  });
}
