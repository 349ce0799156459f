/** Diagnostics as people read them (stderr) or as programs read them (--json, stdout). */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { t, type Lang } from './i18n.js';

export function formatDiagnostic(file: string, d: Diagnostic, lang: Lang): string {
  const where = d.line !== undefined ? `${file}:${d.line}${d.column !== undefined ? `:${d.column}` : ''}` : file;
  const severity = t(d.severity === 'error' ? 'error' : 'warning', lang);
  const message = lang === 'en' ? d.messageEn : d.message;
  return `${where}  ${severity}  [${d.code}]${d.path ? `  ${d.path}` : ''}\n    ${message}`;
}

export function formatDiagnostics(file: string, diagnostics: Diagnostic[], lang: Lang): string {
  return diagnostics.map((d) => formatDiagnostic(file, d, lang)).join('\n');
}
