/**
 * The pipeline's first stages for one case: bytes → text → data → schema → rules.
 * Pure: the caller reads the file (see cli/files.ts) and hands over its bytes.
 */
import { createHash } from 'node:crypto';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { runRules } from '../rules/index.js';
import { applyOverrides, type SeverityOverrides } from '../rules/severityOverrides.js';
import type { Case } from '../schema/case.js';
import { normaliseCase } from '../schema/normalise.js';
import { parsePath } from '../schema/labels.js';
import { validateCaseData } from '../schema/validate.js';
import { decodeCaseBytes } from './decode.js';
import { parseText } from './parseText.js';

export interface LoadedCase {
  fileName: string;
  /** SHA-256 of the file's bytes: printed on the signature page and in the manifest. */
  sha256: string;
  case?: Case;
  diagnostics: Diagnostic[];
  ok: boolean;
}

const ENCODING_HINT = {
  utf16: ['文件是 UTF-16 编码', 'the file is UTF-16'],
  gbk: ['文件不是 UTF-8 编码（看起来是 GBK/GB18030，常见于中文 Windows 编辑器）', 'the file is not UTF-8 (it looks like GBK/GB18030)'],
  binary: ['文件不是 UTF-8 文本', 'the file is not UTF-8 text'],
} as const;

function withLocation(diagnostics: Diagnostic[], locate: (p: PropertyKey[]) => { line: number; column: number } | undefined): Diagnostic[] {
  return diagnostics.map((d) => {
    if (d.line !== undefined || !d.path) return d;
    const keys = parsePath(d.path);
    // An unknown or missing field is located at its parent.
    const pos = locate(keys) ?? locate(keys.slice(0, -1));
    return pos ? { ...d, ...pos } : d;
  });
}

/** Fields an institution's config supplies when the case leaves them out. */
export interface CaseDefaults { institution?: Record<string, unknown>; rules?: SeverityOverrides }

function applyDefaults(data: unknown, defaults: CaseDefaults | undefined): unknown {
  if (!defaults?.institution || data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  const own = record.institution;
  const merged = own && typeof own === 'object' && !Array.isArray(own) ? { ...defaults.institution, ...own } : own ?? defaults.institution;
  return { ...record, institution: merged };
}

export function loadCase(bytes: Uint8Array, fileName: string, defaults?: CaseDefaults): LoadedCase {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fail = (diagnostics: Diagnostic[]): LoadedCase => ({ fileName, sha256, diagnostics, ok: false });
  const decoded = decodeCaseBytes(bytes);
  if (!decoded.ok) {
    const [zh, en] = ENCODING_HINT[decoded.reason];
    return fail([{
      severity: 'error', code: 'PARSE_ENCODING', path: '', line: decoded.line,
      message: `${zh}，第${decoded.line}行起无法按 UTF-8 读取。请在编辑器中“另存为”UTF-8 编码后重试。`,
      messageEn: `${en}; line ${decoded.line} cannot be read as UTF-8. Save it as UTF-8 and retry.`,
    }]);
  }
  const parsed = parseText(decoded.text, fileName);
  if (parsed.data === undefined || hasErrors(parsed.diagnostics)) return fail(parsed.diagnostics);
  // Chinese field names and dates such as 2026/3/5 are read as meant; paths then speak of the
  // English keys, so they are mapped back to the keys as written to be located.
  const normalised = normaliseCase(parsed.data);
  const locate = (p: PropertyKey[]) => parsed.locate(normalised.sourcePath(p));
  // Parse warnings (a file that may be truncated) stay in front of whatever follows.
  const warnings = [...parsed.diagnostics, ...withLocation(normalised.warnings, locate)];
  const validated = validateCaseData(applyDefaults(normalised.data, defaults));
  if (!validated.ok) return fail([...warnings, ...withLocation(validated.diagnostics, locate)]);
  const diagnostics = [...warnings, ...withLocation(applyOverrides(runRules(validated.value), defaults?.rules), locate)];
  return { fileName, sha256, case: validated.value, diagnostics, ok: !hasErrors(diagnostics) };
}
