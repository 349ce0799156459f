/**
 * Loads the templates for a report kind — an institution's folder first, the bundled ones
 * as fallback — and renders the report model to block markup.
 * Errors name the template file, the line, and what was wrong.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { ReportKind } from '../domain/reportKinds.js';
import type { ReportModel } from '../enrich/model.js';
import { BUNDLED_TEMPLATES } from '../paths.js';
import { HELPERS, KNOWN_HELPERS } from './helpers.js';

export class TemplateError extends Error {
  constructor(readonly file: string, readonly line: number | null, readonly detail: string) {
    super(`模板错误：${file}${line ? ` 第${line}行` : ''}：${detail}`);
  }
}

const COMPILE_OPTIONS = { strict: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true, preventIndent: true } as const;

/** Line number and a Chinese explanation from a Handlebars error. */
function explain(e: unknown): { line: number | null; detail: string } {
  const msg = e instanceof Error ? e.message : String(e);
  const err = e as { lineNumber?: number };
  const line = err.lineNumber ?? Number(/line (\d+)/.exec(msg)?.[1] ?? /- (\d+):\d+/.exec(msg)?.[1] ?? NaN);
  const first = msg.split('\n')[0]!;
  let detail = `语法错误：${first}`;
  let m: RegExpExecArray | null;
  if ((m = /"([^"]+)" not defined in/.exec(msg))) detail = `引用了报告模型中不存在的字段「${m[1]}」`;
  else if ((m = /You specified knownHelpersOnly, but used the unknown helper (\S+)/.exec(msg))) detail = `使用了未知的 helper「${m[1]}」`;
  else if ((m = /Missing helper: "([^"]+)"/.exec(msg))) detail = `使用了未知的 helper「${m[1]}」`;
  else if ((m = /The partial (.+) could not be found/.exec(msg))) detail = `找不到子模板（partial）「${m[1]}」`;
  return { line: Number.isFinite(line) ? line : null, detail };
}

/** Resolves a template file inside `root`, refusing paths (or links) that lead outside it. */
function inside(root: string, rel: string): string | null {
  const full = path.resolve(root, rel);
  if (!fs.existsSync(full)) return null;
  const real = fs.realpathSync(full);
  const realRoot = fs.realpathSync(root);
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    throw new TemplateError(full, null, '模板路径指向模板文件夹之外，已拒绝');
  }
  return real;
}

/** The file a template name resolves to: the institution's folder first, then the bundled one. */
export function locate(rel: string, overrideDir: string | undefined): string {
  const found = (overrideDir && inside(overrideDir, rel)) || inside(BUNDLED_TEMPLATES, rel);
  if (!found) throw new TemplateError(rel, null, '找不到模板文件');
  return found;
}

function compile(file: string): Handlebars.TemplateDelegate {
  const source = fs.readFileSync(file, 'utf8');
  let fn: Handlebars.TemplateDelegate;
  try {
    // Parsing now surfaces syntax errors with this file's name; the rest of compiling is lazy
    // and its errors (unknown helpers) surface in the wrapper below, named the same way.
    Handlebars.parse(source);
    fn = Handlebars.compile(source, COMPILE_OPTIONS);
  } catch (e) {
    const { line, detail } = explain(e);
    throw new TemplateError(file, line, detail);
  }
  return (ctx, opts) => {
    try {
      return fn(ctx, opts);
    } catch (e) {
      if (e instanceof TemplateError) throw e;
      const { line, detail } = explain(e);
      throw new TemplateError(file, line, detail);
    }
  };
}

function partialNames(dirs: string[]): string[] {
  const names = new Set<string>();
  for (const dir of dirs) {
    const p = path.join(dir, 'partials');
    if (fs.existsSync(p)) for (const f of fs.readdirSync(p)) if (f.endsWith('.hbs')) names.add(f.slice(0, -4));
  }
  return [...names].sort();
}

export interface CompiledTemplates {
  render(model: ReportModel): string;
  /** Files used: relative name → absolute path. */
  files: Record<string, string>;
  /** SHA-256 of each file used, for the manifest. */
  hashes: Record<string, string>;
}

/** Compiled once per process and kind: a batch renders hundreds of cases with the same templates. */
const cache = new Map<string, CompiledTemplates>();

export function loadTemplates(kind: ReportKind, overrideDir?: string): CompiledTemplates {
  const key = `${kind}\u0000${overrideDir ?? ''}`;
  let found = cache.get(key);
  if (!found) {
    found = compileTemplates(kind, overrideDir);
    cache.set(key, found);
  }
  return found;
}

function compileTemplates(kind: ReportKind, overrideDir?: string): CompiledTemplates {
  if (overrideDir && !fs.existsSync(overrideDir)) throw new TemplateError(overrideDir, null, '模板文件夹不存在');
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  const files: Record<string, string> = {};
  for (const name of partialNames([BUNDLED_TEMPLATES, ...(overrideDir ? [overrideDir] : [])])) {
    const rel = `partials/${name}.hbs`;
    files[rel] = locate(rel, overrideDir);
    hb.registerPartial(name, compile(files[rel]));
  }
  const mainRel = `${kind}/report.hbs`;
  files[mainRel] = locate(mainRel, overrideDir);
  const main = compile(files[mainRel]);
  const hashes = Object.fromEntries(Object.entries(files).map(([rel, file]) => [rel, createHash('sha256').update(fs.readFileSync(file)).digest('hex')]));
  return { files, hashes, render: (model) => main(model, { helpers: hb.helpers, partials: hb.partials }) };
}
