/**
 * A Handlebars instance hardened for templates that come from outside (`--templates`):
 *   - a field must be an own property of the report model: `{{constructor}}`, `{{toString}}`,
 *     `{{lookup this "x"}}` are errors like any other unknown field, never blanks;
 *   - partial calls (named, inline, partial blocks) are counted, so recursion stops with a
 *     clear message long before the stack overflows;
 *   - every `{{#each}}` iteration and partial call is charged to a Budget, so nested loops
 *     cannot exhaust memory or time.
 * The hooks are Handlebars' documented pseudo-API (`env.VM`, `env.template`), on our own instance only.
 */
import Handlebars from 'handlebars';
import type { Budget } from './budget.js';
import { ExplainedError, MissingFieldError, TemplateError } from './errors.js';
import { explainMessage } from './explain.js';

type Fn = (...args: any[]) => any;
interface Loc { start?: { line?: number; column?: number } }
const lineOf = (loc?: Loc) => loc?.start?.line ?? null;
/** Handlebars counts columns from 0; our messages from 1. */
const columnOf = (loc?: Loc) => (loc?.start?.column !== undefined ? loc.start.column + 1 : null);
interface Container {
  strict: (obj: unknown, name: string, loc?: Loc) => unknown;
  lookupProperty: (parent: unknown, name: string) => unknown;
  helpers: object; partials: object; decorators: object;
}
interface Spec { main: Fn }

const owns = (o: unknown, name: string): boolean => o != null && Object.hasOwn(Object(o), name);

/** The error for a field `parent` lacks, with the fields it has (an object's keys; not a text's letters). */
function missing(parent: unknown, name: string, loc?: Loc): MissingFieldError {
  const e = new MissingFieldError(name, lineOf(loc), parent == null, columnOf(loc));
  if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) e.fields = Object.keys(parent);
  return e;
}

const hardened = new WeakSet<object>();

/** Own properties only; the lookups Handlebars makes in its own tables (helpers, partials) are left alone. */
function harden(c: Container): void {
  if (hardened.has(c)) return;
  hardened.add(c);
  const lookup = c.lookupProperty;
  c.lookupProperty = (parent, name) => {
    if (parent === c.helpers || parent === c.partials || parent === c.decorators) return lookup(parent, name);
    if (!owns(parent, name)) throw missing(parent, name);
    return lookup(parent, name);
  };
  c.strict = (obj, name, loc) => {
    if (!owns(obj, name)) throw missing(obj, name, loc);
    return lookup(obj, name);
  };
}

/** Each compiled template hardens its container the first time it runs. */
function hardenSpec(spec: Spec): Spec {
  const main = spec.main;
  spec.main = function (this: unknown, container: Container, ...rest: unknown[]) {
    harden(container);
    return main.call(this, container, ...rest);
  };
  return spec;
}

function guardedEach(each: Fn, budget: Budget): Fn {
  return function (this: unknown, context: unknown, options?: { fn: Fn }) {
    if (!options) throw new ExplainedError('{{#each}} 缺少要循环的列表');
    const fn = options.fn;
    options.fn = function (this: unknown, ...args: unknown[]) {
      budget.iterate();
      const out = fn.apply(this, args) as string;
      budget.produced(out.length);
      return out;
    };
    return each.call(this, context, options);
  };
}

/** `{{lookup obj "field"}}`: like a path, a field that is not there is an error. */
function strictLookup(obj: unknown, field: unknown, options?: { loc?: Loc }): unknown {
  if (!options) throw new ExplainedError('{{lookup}} 需要两个参数：对象和字段名');
  const name = String(field);
  if (!owns(obj, name)) throw missing(obj, name, options.loc);
  return (obj as Record<string, unknown>)[name];
}

/** Errors that came out of a block's contents (`options.fn`), which were placed where they arose. */
const fromContents = new WeakSet<object>();

function markContents(options: Record<string, unknown>): void {
  for (const key of ['fn', 'inverse']) {
    const f = options[key];
    if (typeof f !== 'function') continue;
    options[key] = function (this: unknown, ...args: unknown[]) {
      try {
        return (f as Fn).apply(this, args) as unknown;
      } catch (e) {
        if (e && typeof e === 'object') fromContents.add(e);
        throw e;
      }
    };
  }
}

/**
 * A helper whose own errors (a bad argument, a missing one) carry the line and column of the
 * call: Handlebars passes the call's `loc` in the options but puts it on no error it throws.
 */
export function placed(helper: Fn): Fn {
  return function (this: unknown, ...args: unknown[]) {
    const options = args.at(-1) as { loc?: Loc } | undefined;
    if (options && typeof options === 'object') markContents(options as Record<string, unknown>);
    try {
      return helper.apply(this, args) as unknown;
    } catch (e) {
      if (e instanceof TemplateError || e instanceof MissingFieldError || (e && typeof e === 'object' && fromContents.has(e))) throw e;
      const err = e instanceof ExplainedError ? e : explainMessage(e);
      if (err.line === null) {
        err.line = lineOf(options?.loc);
        err.column = columnOf(options?.loc);
      }
      throw err;
    }
  };
}

export function hardenedInstance(budget: Budget): typeof Handlebars {
  const hb = Handlebars.create();
  const vm = hb.VM as unknown as { invokePartial: Fn };
  (hb as unknown as { VM: object }).VM = {
    ...hb.VM,
    invokePartial(this: unknown, partial: unknown, context: unknown, options: { name?: string }) {
      const name = String(options.name ?? '');
      try {
        budget.enter(name);
      } catch (e) {
        if (e instanceof ExplainedError) e.partialCall = name;
        throw e;
      }
      try {
        const out = vm.invokePartial.call(this, partial, context, options) as unknown;
        if (typeof out === 'string') budget.produced(out.length);
        return out;
      } finally {
        budget.leave();
      }
    },
  };
  const template = hb.template.bind(hb) as Fn;
  (hb as unknown as { template: Fn }).template = (spec: Spec) => template(hardenSpec(spec));
  hb.registerHelper('each', guardedEach(hb.helpers.each as Fn, budget));
  hb.registerHelper('lookup', strictLookup);
  return hb;
}
