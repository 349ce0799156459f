/**
 * Loads the templates for a report kind — an institution's folder first, the bundled ones
 * as fallback — and renders the report model to block markup.
 * Errors name the template file, the line, and what was wrong; limits (budget.ts) keep a
 * hostile template from exhausting memory or time.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Handlebars from 'handlebars';
import type { ReportKind } from '../domain/reportKinds.js';
import type { ReportModel } from '../enrich/model.js';
import { BUNDLED_TEMPLATES } from '../paths.js';
import { Budget, limitsFor } from './budget.js';
import { checkSourceNesting, checkTemplate } from './check.js';
import { ExplainedError, TemplateError } from './errors.js';
import { explain } from './explain.js';
import { checkTemplatesDir, locate, partialNames, readTemplate } from './folder.js';
import { HELPERS, KNOWN_HELPERS } from './helpers.js';
import { MarkupError, markupToTree, type LoadImage } from './markup.js';
import { templateImageFiles, templateImageLoader } from './images.js';
import { hardenedInstance } from './runtime.js';

export { TemplateError } from './errors.js';
export { locate } from './folder.js';

const COMPILE_OPTIONS = { strict: true, knownHelpers: KNOWN_HELPERS, knownHelpersOnly: true, preventIndent: true } as const;

/** When on, each template's output is wrapped in file marks, so bad markup can be traced to its file. */
interface Trace { on: boolean; files: string[] }

/** Parses and checks now (syntax errors surface at load, named by file); Handlebars compiles lazily. */
function compile(hb: typeof Handlebars, file: string, trace: Trace): Handlebars.TemplateDelegate {
  const source = readTemplate(file);
  let ast: hbs.AST.Program | undefined;
  let fn: Handlebars.TemplateDelegate;
  try {
    checkSourceNesting(source);
    ast = Handlebars.parse(source);
    checkTemplate(ast, KNOWN_HELPERS);
    fn = hb.compile(ast, COMPILE_OPTIONS);
  } catch (e) {
    const { line, detail } = explain(e, ast);
    throw new TemplateError(file, line, detail);
  }
  const index = trace.files.push(file) - 1;
  return (ctx, opts) => {
    try {
      const out = fn(ctx, opts);
      return trace.on ? `<!--jd-file:${index}-->${out}<!--/jd-file-->` : out;
    } catch (e) {
      // The innermost template names the error; the ones around it pass it on as it is.
      if (e instanceof TemplateError) throw e;
      const { line, detail } = explain(e, ast);
      throw new TemplateError(file, line, detail);
    }
  };
}

export interface CompiledTemplates {
  render(model: ReportModel): string;
  /** Files used: relative name → absolute path. */
  files: Record<string, string>;
  /** SHA-256 of each file used, for the manifest. */
  hashes: Record<string, string>;
  /** The template error for bad markup, naming the template that wrote it when that can be told. */
  markupError(model: ReportModel, e: MarkupError): TemplateError;
  /** Reads an `<img src>` the markup names, from the same folders as the templates. */
  loadImage: LoadImage;
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
  if (overrideDir) checkTemplatesDir(overrideDir);
  const budget = new Budget();
  const trace: Trace = { on: false, files: [] };
  const hb = hardenedInstance(budget);
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  const files: Record<string, string> = {};
  for (const name of partialNames([BUNDLED_TEMPLATES, ...(overrideDir ? [overrideDir] : [])])) {
    const rel = `partials/${name}.hbs`;
    files[rel] = locate(rel, overrideDir);
    hb.registerPartial(name, compile(hb, files[rel], trace));
  }
  const mainRel = `${kind}/report.hbs`;
  files[mainRel] = locate(mainRel, overrideDir);
  const main = compile(hb, files[mainRel], trace);
  // The folder's pictures shape the output like its templates do: their hashes join the fingerprint.
  const hashed = { ...files, ...(overrideDir ? templateImageFiles(overrideDir) : {}) };
  const hashes = Object.fromEntries(Object.entries(hashed).map(([rel, file]) => [rel, createHash('sha256').update(fs.readFileSync(file)).digest('hex')]));
  const render = (model: ReportModel): string => {
    budget.start(limitsFor(JSON.stringify(model).length));
    const markup = main(model, { helpers: hb.helpers, partials: hb.partials, decorators: hb.decorators });
    try {
      budget.checkOutput(markup.length);
    } catch (e) {
      throw new TemplateError(files[mainRel]!, null, (e as ExplainedError).detail);
    }
    return markup;
  };
  // Only on the error path: render again with file marks and see which file wrote the element.
  const loadImage = templateImageLoader(overrideDir);
  const markupError = (model: ReportModel, e: MarkupError): TemplateError => {
    let file = files[mainRel]!;
    trace.on = true;
    try {
      markupToTree(render(model), { traced: true, loadImage });
    } catch (t) {
      if (t instanceof MarkupError && t.message === e.message && t.origin !== undefined) file = trace.files[t.origin]!;
    } finally {
      trace.on = false;
    }
    return new TemplateError(file, null, `模板输出的标记有误：${e.message}`);
  };
  return { files, hashes, render, markupError, loadImage };
}
