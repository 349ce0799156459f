/**
 * Characters that XML 1.0 (and so DOCX) cannot carry — C0 controls other than tab and line
 * breaks, U+FFFE/U+FFFF, lone surrogates. The documents show them as U+FFFD (DOCX) or drop
 * them (PDF); the appraiser is told where, so no text changes silently.
 */
import { formatPath } from '../diagnostics/diagnostic.js';
import { describeField } from '../schema/labels.js';
import { caseStrings } from './caseStrings.js';
import { warning, type Rule } from './rule.js';

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const codePoint = (ch: string) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

export const textRules: Rule = (c) =>
  caseStrings(c).flatMap(({ text, path }) => {
    const m = FORBIDDEN.exec(text);
    if (!m) return [];
    const where = formatPath(path);
    return [warning('TEXT_CONTROL_CHARACTER', where, `${describeField(path)}含有不可打印的控制字符 ${codePoint(m[0])}，文书中以「�」代替（DOCX）或略去（PDF），请删除`, `Field ${where} contains control character ${codePoint(m[0])}; it is replaced in the documents`)];
  });
