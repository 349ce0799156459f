/** One case file → DOCX/PDF and a manifest in the output folder. Shared by `render` and `batch`. */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { loadCase, type CaseDefaults } from '../parse/loadCase.js';
import { buildManifest, readManifest, type Manifest } from '../pipeline/manifest.js';
import { renderCase, type OutputFormat } from '../pipeline/renderCase.js';
import { FontFileError, preloadFonts, type PdfFontConfig } from '../render/pdf/index.js';
import { TemplateError } from '../templates/engine.js';
import { MarkupError } from '../templates/markup.js';
import { EXIT, UsageError } from './errors.js';
import { fontUsageError } from './fontErrors.js';
import { ensureDir, outputBaseName, readCaseBytes, writeAllAtomic } from './files.js';
import { settingsFingerprint } from './settings.js';
import { TOOL_NAME, TOOL_VERSION } from './version.js';

export interface RenderFileOptions {
  out: string;
  formats: OutputFormat[];
  templatesDir?: string;
  status?: 'draft' | 'final';
  sample?: boolean;
  force?: boolean;
  fonts?: PdfFontConfig;
  defaults?: CaseDefaults;
}

export interface RenderFileResult {
  file: string;
  exitCode: number;
  diagnostics: Diagnostic[];
  written: string[];
  pages: number | null;
  /** A problem that is not a diagnostic of the case: template, I/O, overwrite refusal. */
  failure?: { message: string; messageEn: string };
}

/** A final document is never overwritten silently (nor is a draft written over a final one). */
function refuseOverwrite(targets: string[], previous: Manifest | undefined, status: 'draft' | 'final'): void {
  const existing = targets.filter((t) => fs.existsSync(t));
  if (existing.length === 0 || (status !== 'final' && previous?.status !== 'final')) return;
  throw new UsageError(`输出文件已存在：${existing.join('、')}（正式文书不会被静默覆盖，如确需覆盖请加 --force）`, `Output exists: ${existing.join(', ')} (a final document is never overwritten silently; use --force)`);
}

/** Outputs of an earlier render that this one did not replace (another format): they no longer match the manifest. */
function removeStale(out: string, previous: Manifest | undefined, written: string[]): void {
  for (const o of previous?.outputs ?? []) if (!written.includes(o.file)) fs.rmSync(path.join(out, o.file), { force: true });
}

export async function renderFile(file: string, o: RenderFileOptions): Promise<RenderFileResult> {
  const result: RenderFileResult = { file, exitCode: EXIT.ok, diagnostics: [], written: [], pages: null };
  try {
    // Reading the fonts (tens of MB) overlaps with parsing and checking the case.
    void preloadFonts(o.fonts);
    const loaded = loadCase(readCaseBytes(file), file, o.defaults);
    result.diagnostics = loaded.diagnostics;
    if (!loaded.ok || !loaded.case) return { ...result, exitCode: EXIT.invalid };
    const name = outputBaseName(file);
    const manifestFile = path.join(o.out, `${name}.manifest.json`);
    const previous = readManifest(manifestFile);
    if (!o.force) refuseOverwrite(o.formats.map((f) => path.join(o.out, `${name}.${f}`)), previous, o.status ?? loaded.case.report.status);
    const rendered = await renderCase(loaded.case, {
      formats: o.formats, templatesDir: o.templatesDir, status: o.status, sample: o.sample, fonts: o.fonts,
      caseSha256: loaded.sha256, generator: `${TOOL_NAME} ${TOOL_VERSION}`,
    });
    result.diagnostics = [...loaded.diagnostics, ...rendered.warnings];
    result.pages = rendered.pageCount;
    ensureDir(o.out);
    const outputs = rendered.outputs.map((r) => ({ file: `${name}.${r.format}`, bytes: r.bytes }));
    const manifest = buildManifest({
      tool: TOOL_NAME, version: TOOL_VERSION, input: { file: path.basename(file), sha256: loaded.sha256 },
      status: rendered.status, sample: o.sample ?? false, settings: settingsFingerprint(o), templates: rendered.templates,
      pages: rendered.pageCount, warnings: result.diagnostics.filter((d) => d.severity === 'warning').length,
    }, outputs);
    // The manifest is renamed last, so it only ever describes files fully on disk.
    writeAllAtomic([
      ...outputs.map((x) => ({ file: path.join(o.out, x.file), data: x.bytes })),
      { file: manifestFile, data: `${JSON.stringify(manifest, null, 2)}\n` },
    ]);
    removeStale(o.out, previous, outputs.map((x) => x.file));
    result.written = [...outputs.map((x) => path.join(o.out, x.file)), manifestFile];
    return result;
  } catch (caught) {
    const e = caught instanceof FontFileError ? fontUsageError(caught) : caught;
    if (e instanceof UsageError) return { ...result, exitCode: EXIT.usage, failure: { message: e.message, messageEn: e.messageEn } };
    if (e instanceof TemplateError || e instanceof MarkupError) {
      const message = e instanceof MarkupError ? `模板输出的标记有误：${e.message}` : e.message;
      return { ...result, exitCode: EXIT.invalid, failure: { message, messageEn: message } };
    }
    throw e;
  }
}
