/**
 * jianding check-templates <folder>: every error of an institution's template folder, with file,
 * line and column. First each file is checked on its own (all errors); then each report kind is
 * rendered with its example case (templates/init/) through the folder's sound files, which finds
 * what only running shows — a field the report model lacks, bad block markup — one per kind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPORT_KINDS, type ReportKind } from '../../domain/reportKinds.js';
import { loadCase } from '../../parse/loadCase.js';
import { BUNDLED_TEMPLATES } from '../../paths.js';
import { buildTree } from '../../pipeline/buildTree.js';
import { checkFolder, errorKey, type FolderCheck } from '../../templates/checkFolder.js';
import { TemplateError } from '../../templates/errors.js';
import { EXIT } from '../errors.js';
import type { Lang } from '../i18n.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

/** The template error rendering the example case of `kind` with the templates in `dir`, if any. */
function renderError(kind: ReportKind, dir: string): TemplateError | null {
  const file = path.join(BUNDLED_TEMPLATES, 'init', `${kind}.yaml`);
  const loaded = loadCase(fs.readFileSync(file), file);
  if (!loaded.ok || !loaded.case) throw new Error(`示例案件 ${file} 未通过校验`);
  try {
    buildTree(loaded.case, { caseSha256: loaded.sha256, generator: `${TOOL_NAME} ${TOOL_VERSION}`, templatesDir: dir });
    return null;
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
}

/**
 * A copy of the folder's sound files only, so that one broken file does not hide the errors
 * of the others when rendering: a broken partial is left empty (its callers still find it),
 * a broken report.hbs is left out (the bundled one is used).
 */
function soundCopy(found: FolderCheck): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'jd-check-templates-'));
  for (const rel of found.files) {
    const text = found.sound.get(rel) ?? (rel.startsWith('partials/') ? '' : undefined);
    if (text === undefined) continue;
    fs.mkdirSync(path.dirname(path.join(copy, rel)), { recursive: true });
    fs.writeFileSync(path.join(copy, rel), text);
  }
  return copy;
}

/** An error found in the copy, named by the user's folder. */
function named(e: TemplateError, copy: string, dir: string): TemplateError {
  if (!e.file.startsWith(copy + path.sep)) return e;
  return new TemplateError(path.join(dir, path.relative(copy, e.file)), e.line, e.detail, e.extras);
}

/** Errors only a render shows, one per report kind at most, without those already found. */
function renderErrors(found: FolderCheck, dir: string): TemplateError[] {
  const copy = soundCopy(found);
  const seen = new Set(found.errors.map(errorKey));
  const out: TemplateError[] = [];
  try {
    for (const kind of Object.keys(REPORT_KINDS) as ReportKind[]) {
      const e = renderError(kind, copy);
      if (!e) continue;
      const shown = named(e, copy, dir);
      if (!seen.has(errorKey(shown))) out.push(shown);
      seen.add(errorKey(shown));
    }
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
  return out;
}

export function checkTemplatesCommand(dir: string, lang: Lang): number {
  let found: FolderCheck;
  try {
    found = checkFolder(dir);
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    process.stderr.write(`${lang === 'en' ? e.messageEn : e.message}\n`);
    return EXIT.invalid;
  }
  const errors = [...found.errors, ...renderErrors(found, dir)];
  for (const e of errors) process.stderr.write(`${lang === 'en' ? e.messageEn : e.message}\n\n`);
  const n = found.files.length;
  if (errors.length > 0) {
    process.stderr.write(lang === 'en' ? `${errors.length} template error(s) in ${dir}\n` : `${dir}：共 ${errors.length} 处模板错误\n`);
    return EXIT.invalid;
  }
  process.stdout.write(lang === 'en' ? `${dir}: ${n} template file(s), no errors\n` : `${dir}：${n} 个模板文件，未发现错误\n`);
  return EXIT.ok;
}
