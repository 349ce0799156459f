/** A finding about a case file: what is wrong, where, and which rule says so. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  severity: Severity;
  /** Stable code, e.g. CAUSATION_PARTICIPATION_RANGE; tests and fixtures refer to it. */
  code: string;
  /** JSON path into the case file, e.g. causationAnalysis.items[0].participation ('' for the whole file). */
  path: string;
  /** Chinese message naming the rule and its source (regulation and article). */
  message: string;
  /** English message, for `--lang en`. */
  messageEn: string;
  /** Line and column in the case file, when known (parse errors). */
  line?: number;
  column?: number;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** Formats a path array the way messages show it: a.b[0].c */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}
