/**
 * Loads the templates for a report kind — an institution's folder first, the bundled ones
 * as fallback — and renders the report model to block markup.
 * Errors name the template file as the user knows it, the line and column, show the line with a
 * caret, and say what is allowed; limits (budget.ts) keep a hostile template from exhausting
 * memory or time.
 */
import fs from 'node:fs';
import Handlebars from 'handlebars';
import type { ReportKind } from '../domain/reportKinds.js';
import type { ReportModel } from '../enrich/model.js';
import { BUNDLED_TEMPLATES } from '../paths.js';
import { sha256 } from '../register/hash.js';
import { Budget, limitsFor } from './budget.js';
import { checkSourceNesting, checkTemplate } from './check.js';
import { ExplainedError, TemplateError } from './errors.js';
import { excerpt } from './excerpt.js';
import { explain, type Explained, type Known } from './explain.js';
import { checkTemplatesDir, locateShown, partialNames, readTemplate } from './folder.js';
import { HELPERS, KNOWN_HELPERS } from './helpers.js';
import { MarkupError, markupToTree, type LoadImage } from './markup.js';
import { templateImageFiles, templateImageLoader } from './images.js';
import { withPositions } from './positions.js';
import { precompiledSpec } from './precompiled.js';
import { hardenedInstance, placed } from './runtime.js';

export { TemplateError } from './errors.js';
export { locate } from './folder.js';

export const COMPILE_OPTIONS = { strict: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true, preventIndent: true } as const;

/** A template's text and the name errors call it by. */
export interface Source { shown: string; text: string }

/** A TemplateError at a place in a template, with the line and a caret under the column. */
export function errorAt(src: Source, ex: Explained): TemplateError {
  const shownLine = ex.line ? excerpt(src.text, ex.line, ex.column) : '';
  return new TemplateError(src.shown, ex.line, ex.detail, { ...ex.extras, column: ex.column, ...(shownLine ? { excerpt: shownLine } : {}) });
}

/**
 * Parses a template and finds every problem visible without running it, in source order
 * (a syntax error stops the parse, so it is the only one then). `partials`: the partial names
 * that exist, to report calls of others — for check-templates; a render finds those when run.
 */
export function checkSource(src: Source, known: Known, partials?: readonly string[]): { ast?: hbs.AST.Program; errors: TemplateError[] } {
  let ast: hbs.AST.Program;
  try {
    checkSourceNesting(src.text);
    ast = Handlebars.parse(src.text);
  } catch (e) {
    return { errors: [errorAt(src, explain(e, undefined, src.text, known))] };
  }
  const errors = checkTemplate(ast, KNOWN_HELPERS, partials).map((e) => errorAt(src, explain(e, ast, src.text, known)));
  return { ast, errors };
}

/** When on, templates render from copies marked with their source positions (positions.ts). */
interface Trace { on: boolean; sources: Source[] }

/** The compiled template and its syntax tree (parsed only when needed, for a precompiled one). */
function prepare(hb: typeof Handlebars, src: Source, hash: string, known: Known): { fn: Handlebars.TemplateDelegate; ast: () => hbs.AST.Program } {
  const spec = precompiledSpec(hash);
  if (spec) {
    // Checked and compiled at build time; the tree is for the error path only.
    let ast: hbs.AST.Program | undefined;
    return { fn: hb.template(spec), ast: () => (ast ??= Handlebars.parse(src.text)) };
  }
  const { ast, errors } = checkSource(src, known);
  if (!ast || errors.length > 0) throw errors[0]!;
  return { fn: hb.compile(ast, COMPILE_OPTIONS), ast: () => ast };
}

/** Parses and checks now (syntax errors surface at load, named by file); Handlebars compiles lazily. */
function compile(hb: typeof Handlebars, src: Source, hash: string, trace: Trace, known: Known): Handlebars.TemplateDelegate {
  const { fn, ast } = prepare(hb, src, hash, known);
  const index = trace.sources.push(src) - 1;
  let traced: Handlebars.TemplateDelegate | undefined;
  return (ctx, opts) => {
    try {
      if (!trace.on) return fn(ctx, opts);
      traced ??= hb.compile(withPositions(ast(), index), COMPILE_OPTIONS);
      return traced(ctx, opts);
    } catch (e) {
      // The innermost template names the error; the ones around it pass it on as it is.
      if (e instanceof TemplateError) throw e;
      throw errorAt(src, explain(e, ast(), src.text, known));
    }
  };
}

export interface CompiledTemplates {
  render(model: ReportModel): string;
  /** Files used: relative name → absolute path. */
  files: Record<string, string>;
  /** SHA-256 of each file used, for the manifest. */
  hashes: Record<string, string>;
  /** The template error for bad markup, naming the template, line and column that wrote it when that can be told. */
  markupError(model: ReportModel, e: MarkupError): TemplateError;
  /** Reads an `<img src>` the markup names, from the same folders as the templates. */
  loadImage: LoadImage;
  /** The markup with position marks (positions.ts): the same markup apart from the marks. */
  renderMarked(model: ReportModel): string;
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

/** The partial names of the bundled templates and an institution's folder. */
export const knownPartials = (overrideDir?: string): string[] => partialNames([BUNDLED_TEMPLATES, ...(overrideDir ? [overrideDir] : [])]);

function compileTemplates(kind: ReportKind, overrideDir?: string): CompiledTemplates {
  if (overrideDir) checkTemplatesDir(overrideDir);
  const budget = new Budget();
  const trace: Trace = { on: false, sources: [] };
  const hb = hardenedInstance(budget);
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  // Every helper, ours and Handlebars' own, reports its errors at the call.
  for (const name of Object.keys(KNOWN_HELPERS)) hb.registerHelper(name, placed(hb.helpers[name] as (...a: unknown[]) => unknown));
  const files: Record<string, string> = {};
  const hashes: Record<string, string> = {};
  const names = knownPartials(overrideDir);
  const known: Known = { partials: names };
  // One read per file: its text is compiled, its hash goes to the manifest and finds the precompiled spec.
  const load = (rel: string, at: { file: string; shown: string }): Handlebars.TemplateDelegate => {
    files[rel] = at.file;
    const { text, sha256: hash } = readTemplate(at.file, at.shown);
    hashes[rel] = hash;
    return compile(hb, { shown: at.shown, text }, hash, trace, known);
  };
  for (const name of names) {
    const rel = `partials/${name}.hbs`;
    hb.registerPartial(name, load(rel, locateShown(rel, overrideDir)));
  }
  const mainRel = `${kind}/report.hbs`;
  const mainAt = locateShown(mainRel, overrideDir);
  const main = load(mainRel, mainAt);
  // The folder's pictures shape the output like its templates do: their hashes join the fingerprint.
  if (overrideDir) for (const [rel, file] of Object.entries(templateImageFiles(overrideDir))) hashes[rel] = sha256(fs.readFileSync(file));
  const render = (model: ReportModel): string => {
    budget.start(limitsFor(JSON.stringify(model).length));
    const markup = main(model, { helpers: hb.helpers, partials: hb.partials, decorators: hb.decorators });
    try {
      budget.checkOutput(markup.length);
    } catch (e) {
      throw new TemplateError(mainAt.shown, null, (e as ExplainedError).detail);
    }
    return markup;
  };
  const loadImage = templateImageLoader(overrideDir);
  // Only on the error path: render again with position marks and see where the element was written.
  const markupError = (model: ReportModel, e: MarkupError): TemplateError => {
    const ex = { detail: `模板输出的标记有误：${e.message}`, extras: { detailEn: `bad block markup: ${e.messageEn ?? e.message}`, hint: e.hint, hintEn: e.hintEn } };
    try {
      markupToTree(renderMarked(model), { traced: true, loadImage });
    } catch (t) {
      const o = t instanceof MarkupError && t.message === e.message ? t.origin : undefined;
      if (o && trace.sources[o.file]) return errorAt(trace.sources[o.file]!, { line: o.line, column: o.column, ...ex });
    }
    return new TemplateError(mainAt.shown, null, ex.detail, ex.extras);
  };
  const renderMarked = (model: ReportModel): string => {
    trace.on = true;
    try {
      return render(model);
    } finally {
      trace.on = false;
    }
  };
  return { files, hashes, render, markupError, loadImage, renderMarked };
}
