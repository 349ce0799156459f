/**
 * The library API: what the CLI and the workbench call, for programs that embed jianding
 * instead of shelling out to it.
 *
 *   import { validateCase, renderCase, renderCaseFile } from 'jianding';
 */
import type { StyleOverrides } from './document/styleOverrides.js';
import path from 'node:path';
import { loadCase, type CaseDefaults, type LoadedCase } from './parse/loadCase.js';
import { renderCase as renderValidCase, type OutputFormat } from './pipeline/renderCase.js';
import type { PdfFontConfig } from './render/pdf/index.js';
import { TOOL_NAME, TOOL_VERSION } from './cli/version.js';
import { DeidBlocked, findingMessage, type DeidOptions } from './deid/index.js';
import type { Diagnostic } from './diagnostics/diagnostic.js';

export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export type { Case } from './schema/case.js';
export type { CaseDefaults, LoadedCase, OutputFormat, PdfFontConfig };
export { renderFile as renderCaseFile, type RenderFileOptions, type RenderFileResult } from './cli/renderFile.js';
export { serve, type Running, type ServeOptions } from './serve/server.js';
/** De-identification for programs that make training samples their own way: case → (case, report); rendered text → findings. */
export { deidentify, residualScan, type DeidOptions, type DeidReport, type Finding } from './deid/index.js';

const bytesOf = (input: string | Uint8Array) => (typeof input === 'string' ? Buffer.from(input, 'utf8') : input);

/** Parses and checks a case file's content: the diagnostics `jianding validate` prints. */
export function validateCase(input: string | Uint8Array, fileName = 'case.yaml', defaults?: CaseDefaults): LoadedCase {
  return loadCase(bytesOf(input), fileName, defaults);
}

export interface RenderCaseOptions {
  formats?: OutputFormat[];
  status?: 'draft' | 'final';
  sample?: boolean;
  /** Training samples: date shift and reviewed allow-list. */
  deid?: DeidOptions;
  templatesDir?: string;
  fonts?: PdfFontConfig;
  /** An institution's style sheet over the preset: page, margins, sizes, fonts per role. */
  style?: StyleOverrides;
  defaults?: CaseDefaults;
  /** An institution's reference DOCX (bytes): its 鉴定-* styles, page size and margins, and letterhead. */
  referenceDocx?: Uint8Array;
}

/**
 * Validates and renders in memory: the documents' bytes, or the diagnostics that prevent them.
 * Nothing is written and nothing enters a register (use renderCaseFile for that).
 */
export async function renderCase(input: string | Uint8Array, options: RenderCaseOptions = {}, fileName = 'case.yaml') {
  const loaded = validateCase(input, fileName, options.defaults);
  if (!loaded.ok || !loaded.case) return { ok: false as const, diagnostics: loaded.diagnostics };
  let rendered;
  try {
    rendered = await renderValidCase(loaded.case, {
      formats: options.formats ?? ['docx', 'pdf'], status: options.status, sample: options.sample, deid: options.deid, templatesDir: options.templatesDir,
      fonts: options.fonts, style: options.style, caseSha256: loaded.sha256, generator: `${TOOL_NAME} ${TOOL_VERSION}`,
      // The case travels inside the PDF, so `jianding verify` can make the document again.
      caseFile: { name: path.basename(fileName), bytes: bytesOf(input) }, defaults: options.defaults,
      ...(options.referenceDocx ? { referenceDocx: options.referenceDocx } : {}),
    });
  } catch (e) {
    if (!(e instanceof DeidBlocked)) throw e;
    const residual = e.findings.map((f): Diagnostic => ({ severity: 'error', code: 'deid.residual', path: '', message: findingMessage(f), messageEn: `residual personal data (${f.category}): ${f.text}` }));
    return { ok: false as const, diagnostics: [...loaded.diagnostics, ...residual] };
  }
  return {
    ok: true as const, diagnostics: [...loaded.diagnostics, ...rendered.warnings], outputs: rendered.outputs, pageCount: rendered.pageCount,
    verificationCode: rendered.fingerprint.code, deid: rendered.deid,
  };
}
