/**
 * One case file → a new version of its documents in the register. Shared by `render` and
 * `batch`: validate, reserve the version (finals are immutable, concurrent renders wait),
 * render the bytes, then let the register write and commit them.
 */
import type { StyleOverrides } from '../document/styleOverrides.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCase, type CaseDefaults } from '../parse/loadCase.js';
import { renderCase, type OutputFormat } from '../pipeline/renderCase.js';
import {
  exportManifest, folderOf, preview, RegisterError, sqliteFailure, registerFor, registerPath, reserve, sha256, versionTitle, writeAndCommit,
  type Correction, type Format, type ReserveInput, type Settled,
} from '../register/index.js';
import type { Case } from '../schema/case.js';
import { FontFileError, preloadFonts, type PdfFontConfig } from '../render/pdf/index.js';
import { locate, TemplateError } from '../templates/engine.js';
import { DeidBlocked, findingMessage, type DeidOptions } from '../deid/index.js';
import { MarkupError } from '../templates/markup.js';
import { EXIT, UsageError } from './errors.js';
import { fontUsageError } from './fontErrors.js';
import { ensureDir, outputBaseName, readCaseBytes } from './files.js';
import { settingsFingerprint } from './settings.js';
import type { IssueImages } from '../pipeline/proof.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export interface RenderFileOptions {
  out: string;
  formats: OutputFormat[];
  templatesDir?: string;
  status?: 'draft' | 'final';
  sample?: boolean;
  /** Training samples: date shift and the reviewed allow-list (config `deid`, --shift-dates). */
  deid?: DeidOptions;
  force?: boolean;
  correction?: Correction;
  fonts?: PdfFontConfig;
  /** The institution's style sheet (config `style`). */
  style?: StyleOverrides;
  defaults?: CaseDefaults;
  /** Electronic seal and signature images for finals (config `images`). */
  images?: IssueImages;
  /** The institution's reference DOCX (config `referenceDocx`), already checked. */
  referenceDocx?: Uint8Array;
  /** The register's path when the config names one; else it sits in the output folder. */
  register?: string;
}

export type Outcome = 'written' | 'upToDate' | 'issued' | 'invalid' | 'failed';

export interface RenderFileResult {
  file: string;
  exitCode: number;
  outcome: Outcome;
  diagnostics: Diagnostic[];
  written: string[];
  pages: number | null;
  /** The version written, or the committed one that made this render unnecessary. */
  version?: { seq: number; title: string; titleEn: string; files: string[] };
  /** A problem that is not a diagnostic of the case: template, I/O, a final's protection. */
  failure?: { message: string; messageEn: string; correctable?: boolean };
  /** Something the user should know that did not fail the render. */
  notice?: string;
}

function templatesUnchanged(templatesDir: string | undefined) {
  return (templates: Record<string, string>) => {
    try {
      return Object.entries(templates).every(([rel, hash]) => sha256(fs.readFileSync(locate(rel, templatesDir))) === hash);
    } catch {
      return false;
    }
  };
}

function versionInfo(r: Settled, out: string): RenderFileResult['version'] {
  const v = r.version;
  return { seq: v.seq, title: versionTitle(v.stream, v.number), titleEn: versionTitle(v.stream, v.number, 'en'), files: v.files.map((f) => path.join(out, f.file)) };
}

type Loaded = ReturnType<typeof loadCase> & { case: Case; bytes: Uint8Array };

/** The register's view of this render; nothing is created by building it. */
function reserveInput(file: string, loaded: Loaded, o: RenderFileOptions): ReserveInput {
  return {
    registerDir: path.dirname(registerPath(o.out, o.register)), outDir: o.out, name: outputBaseName(file), caseFile: path.basename(file),
    documentNumber: loaded.case.report.documentNumber, caseSha256: loaded.sha256, settingsSha256: settingsFingerprint(o),
    toolVersion: TOOL_VERSION, templatesUnchanged: templatesUnchanged(o.templatesDir),
    request: { stream: o.sample ? 'sample' : o.status ?? loaded.case.report.status, formats: o.sample ? [...o.formats, 'deid.txt'] : o.formats, force: o.force ?? false, correction: o.correction },
  };
}

/** Up to date, already issued or refused, as far as the register already knows: nothing rendered, nothing created. */
function settledEarly(input: ReserveInput, o: RenderFileOptions): Settled | undefined {
  if (!fs.existsSync(registerPath(o.out, o.register))) return undefined;
  const p = preview(registerFor(o.out, o.register).db, input);
  return p.kind === 'write' ? undefined : p;
}

function settled(r: Settled, result: RenderFileResult, out: string): RenderFileResult {
  return { ...result, outcome: r.kind, pages: r.version.pages, version: versionInfo(r, out) };
}

/** Renders first, so a template or font error leaves no trace; then the register reserves, writes and commits. */
async function renderAndCommit(file: string, loaded: Loaded, input: ReserveInput, o: RenderFileOptions, result: RenderFileResult): Promise<RenderFileResult> {
  const rendered = await renderCase(loaded.case, {
    formats: o.formats, templatesDir: o.templatesDir, status: o.status, sample: o.sample, deid: o.deid, fonts: o.fonts, style: o.style,
    caseSha256: loaded.sha256, generator: `${TOOL_NAME} ${TOOL_VERSION}`, caseFile: { name: path.basename(file), bytes: loaded.bytes },
    defaults: o.defaults, images: o.images, referenceDocx: o.referenceDocx,
  });
  ensureDir(o.out);
  const reg = registerFor(o.out, o.register);
  const res = await reserve(reg.db, input);
  if (res.kind !== 'write') return settled(res, result, o.out);
  const diagnostics = [...loaded.diagnostics, ...rendered.warnings];
  const outputs = new Map<Format, Uint8Array>(rendered.outputs.map((x) => [x.format, x.bytes]));
  if (rendered.deid) outputs.set('deid.txt', Buffer.from(rendered.deid.text, 'utf8'));
  const written = writeAndCommit(reg.db, o.out, res, outputs, {
    templates: rendered.templates, pages: rendered.pageCount, warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    fingerprint: rendered.fingerprint.sha256, verificationCode: rendered.fingerprint.code,
  });
  // The settings fingerprint of each version covers the severities; the export names them and their reasons.
  const rules = o.defaults?.rules && Object.keys(o.defaults.rules).length ? { ruleSeverities: o.defaults.rules } : undefined;
  const notice = exportManifest(reg.db, o.out, folderOf(reg, o.out), outputBaseName(file), reg.file, rules);
  const titles = { title: versionTitle(res.stream, res.number), titleEn: versionTitle(res.stream, res.number, 'en') };
  return { ...result, outcome: 'written', diagnostics, pages: rendered.pageCount, written, notice, version: { seq: res.seq, ...titles, files: written } };
}

/** Residual personal data in a sample: one error per finding, like a case's own diagnostics (exit 1). */
function blockedDiagnostics(e: DeidBlocked): Diagnostic[] {
  return e.findings.map((f) => ({
    severity: 'error', code: 'deid.residual', path: '', message: findingMessage(f),
    messageEn: `De-identification left what looks like personal data (${f.category}) "${f.text}": ${f.context}; the sample was not written. Add it to deid.allow in the config if a reviewer confirms it is not personal data`,
  }));
}

function failureOf(caught: unknown, o: RenderFileOptions): { exitCode: number; failure: NonNullable<RenderFileResult['failure']> } | undefined {
  const e = caught instanceof FontFileError ? fontUsageError(caught) : sqliteFailure(caught, registerPath(o.out, o.register)) ?? caught;
  if (e instanceof RegisterError) return { exitCode: EXIT.usage, failure: { message: e.message, messageEn: e.messageEn, correctable: e.correctable } };
  if (e instanceof UsageError) return { exitCode: EXIT.usage, failure: { message: e.message, messageEn: e.messageEn } };
  if (e instanceof TemplateError) return { exitCode: EXIT.invalid, failure: { message: e.message, messageEn: e.messageEn } };
  if (e instanceof MarkupError) {
    const message = `模板输出的标记有误：${e.message}`;
    return { exitCode: EXIT.invalid, failure: { message, messageEn: `bad block markup: ${e.messageEn ?? e.message}` } };
  }
  return undefined;
}

export async function renderFile(file: string, o: RenderFileOptions): Promise<RenderFileResult> {
  const result: RenderFileResult = { file, exitCode: EXIT.ok, outcome: 'failed', diagnostics: [], written: [], pages: null };
  try {
    // Reading the fonts (tens of MB) overlaps with parsing and checking the case.
    void preloadFonts(o.fonts);
    const bytes = readCaseBytes(file);
    const loaded = { ...loadCase(bytes, file, o.defaults), bytes };
    result.diagnostics = loaded.diagnostics;
    if (!loaded.ok || !loaded.case) return { ...result, exitCode: EXIT.invalid, outcome: 'invalid' };
    const input = reserveInput(file, loaded as Loaded, o);
    const early = settledEarly(input, o);
    if (early) return settled(early, result, o.out);
    return await renderAndCommit(file, loaded as Loaded, input, o, result);
  } catch (caught) {
    if (caught instanceof DeidBlocked) return { ...result, exitCode: EXIT.invalid, outcome: 'invalid', diagnostics: [...result.diagnostics, ...blockedDiagnostics(caught)] };
    const f = failureOf(caught, o);
    if (f) return { ...result, ...f };
    throw caught;
  }
}
