/** jianding diff <old> <new> [--out FILE] [--date YYYY-MM-DD] [--templates DIR] [--json]: a redline DOCX and a summary of the changes. */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { loadCase, type CaseDefaults } from '../../parse/loadCase.js';
import { redline, type DiffInput, type RedlineOptions } from '../../diff/redline.js';
import { summaryJson, summaryLines } from '../../diff/summary.js';
import { FontFileError } from '../../render/pdf/index.js';
import { TemplateError } from '../../templates/engine.js';
import { MarkupError } from '../../templates/markup.js';
import { EXIT, UsageError } from '../errors.js';
import { fontUsageError } from '../fontErrors.js';
import { ensureDir, outputBaseName, readBoundedFile, readCaseBytes, writeAtomic } from '../files.js';
import { MAX_DOCUMENT_BYTES } from '../../io/fileLimits.js';
import { recordedDefaults } from '../../pipeline/proof.js';
import { t, type Lang } from '../i18n.js';
import { formatDiagnostics } from '../printDiagnostics.js';

export interface DiffCommandOptions extends Omit<RedlineOptions, 'generator'> {
  /** The redline's path (decided by diffOutPath). */
  out: string;
  json?: boolean;
  defaults?: CaseDefaults;
  generator: string;
}

export interface LoadedVersion {
  /** The version, when it is a valid case. */
  input?: DiffInput;
  /** Why it is not (errors, with the warnings found alongside). */
  diagnostics: Diagnostic[];
}

/** A generated PDF carries its case file (and the institution defaults it was made with). */
async function embeddedCase(file: string): Promise<{ bytes: Uint8Array; name: string; defaults: CaseDefaults } | string> {
  const { embeddedCase: caseIn, loadPdf, readProofProperties, PdfReadError } = await import('../../sign/pdfRead.js');
  let doc: Awaited<ReturnType<typeof loadPdf>>;
  try {
    doc = await loadPdf(readBoundedFile(file, MAX_DOCUMENT_BYTES, 'PDF'));
  } catch (e) {
    if (e instanceof PdfReadError) return `${file}：${e.message}`;
    throw e;
  }
  const props = readProofProperties(doc);
  const found = caseIn(doc, props);
  if (!found) return `${file} 中没有嵌入案件文件（不是 jianding 生成的文书，或是培训样本），无法比较`;
  return { bytes: found.bytes, name: found.name, defaults: recordedDefaults(props) };
}

const noCase = (message: string): LoadedVersion => ({ diagnostics: [{ severity: 'error', code: 'DIFF_NO_CASE', path: '', message, messageEn: message }] });

/**
 * One version of a case, from a file: a YAML/JSON case file, checked exactly as `render`
 * checks it, or a PDF jianding generated (the case file embedded in it, with the defaults
 * it was made with), so two issued drafts can be compared without their case files.
 */
export async function loadDiffInput(file: string, defaults: CaseDefaults | undefined): Promise<LoadedVersion> {
  let bytes: Uint8Array;
  let name = file;
  if (/\.pdf$/i.test(file)) {
    const found = await embeddedCase(file);
    if (typeof found === 'string') return noCase(found);
    ({ bytes, defaults } = found);
    name = `${file}#${found.name}`;
  } else {
    bytes = readCaseBytes(file);
  }
  const loaded = loadCase(bytes, name, defaults);
  return loaded.ok && loaded.case ? { input: { case: loaded.case, sha256: loaded.sha256 }, diagnostics: [] } : { diagnostics: loaded.diagnostics };
}

async function loadReporting(file: string, o: DiffCommandOptions, lang: Lang): Promise<DiffInput | undefined> {
  const { input, diagnostics } = await loadDiffInput(file, o.defaults);
  if (!input) process.stderr.write(`${formatDiagnostics(file, diagnostics, lang)}\n${file}: ${t('invalid', lang)}\n`);
  return input;
}

const REDLINE_SUFFIX = '.redline.docx';

/** Default: the output folder, named after the new version: output/<new>.redline.docx. */
export function diffOutPath(newFile: string, out: string | undefined, outDir: string): string {
  const file = out ?? path.join(outDir, `${outputBaseName(newFile)}${REDLINE_SUFFIX}`);
  if (!/\.docx$/i.test(file)) throw new UsageError(`--out 应为 .docx 文件，收到「${file}」`, `--out must name a .docx file (got "${file}")`);
  return file;
}

/** Only an earlier redline is replaced: an issued document (a.docx) or any other file never is. */
function checkTarget(file: string): void {
  if (!fs.existsSync(file) || file.endsWith(REDLINE_SUFFIX)) return;
  throw new UsageError(`${file} 已存在，且不是修订稿（*${REDLINE_SUFFIX}），不覆盖；请用 --out 另选文件名`, `${file} exists and is not a redline (*${REDLINE_SUFFIX}); not overwritten`);
}

function templateFailure(e: unknown, lang: Lang): string | undefined {
  if (e instanceof MarkupError) return lang === 'en' ? `bad block markup: ${e.messageEn ?? e.message}` : `模板输出的标记有误：${e.message}`;
  if (!(e instanceof TemplateError)) return undefined;
  return lang === 'en' ? e.messageEn : e.message;
}

async function compare(before: DiffInput, after: DiffInput, o: DiffCommandOptions, lang: Lang) {
  try {
    return await redline(before, after, o);
  } catch (e) {
    if (e instanceof FontFileError) throw fontUsageError(e);
    const message = templateFailure(e, lang);
    if (message === undefined) throw e;
    process.stderr.write(`${t('error', lang)}：${message}\n`);
    return undefined;
  }
}

export async function diffCommand(oldFile: string, newFile: string, o: DiffCommandOptions, lang: Lang): Promise<number> {
  const before = await loadReporting(oldFile, o, lang);
  const after = await loadReporting(newFile, o, lang);
  if (!before || !after) return EXIT.invalid;
  const result = await compare(before, after, o, lang);
  if (!result) return EXIT.invalid;
  if (result.docx) {
    checkTarget(o.out);
    ensureDir(path.dirname(o.out) || '.');
    writeAtomic(o.out, result.docx);
  }
  const written = result.docx ? o.out : undefined;
  const text = o.json ? JSON.stringify(summaryJson(result, { before: oldFile, after: newFile, out: written }), null, 2) : summaryLines(result, written).join('\n');
  process.stdout.write(`${text}\n`);
  return EXIT.ok;
}
