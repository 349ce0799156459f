/**
 * Static checks of a parsed template, before it is compiled or run: what Handlebars would
 * otherwise accept and then fail on with a JavaScript error, or silently allow.
 */
import { ExplainedError } from './errors.js';
import { allowed } from './suggest.js';

type Node = hbs.AST.Node & { loc?: hbs.AST.SourceLocation };
type Path = hbs.AST.PathExpression;

/** Blocks (and sub-expressions) nested deeper than this are refused; Handlebars compiles them recursively. */
export const MAX_BLOCK_NESTING = 64;

/** Names Handlebars treats as helpers but that must not be called: `log` writes to the console, the others are internal. */
const REFUSED_HELPERS = new Set(['log', 'helperMissing', 'blockHelperMissing']);

/** The children of a node, for an iterative walk (a deep template must not overflow our stack either). */
function children(n: Node): Node[] {
  const x = n as unknown as Record<string, unknown>;
  const out: Node[] = [];
  for (const key of ['path', 'name', 'params', 'hash', 'pairs', 'value', 'program', 'inverse', 'body']) {
    const v = x[key];
    if (Array.isArray(v)) out.push(...(v as Node[]));
    else if (v && typeof v === 'object' && 'type' in v) out.push(v as Node);
  }
  return out;
}

/** Visits every node with its nesting depth (programs and sub-expressions count). */
export function walk(ast: hbs.AST.Program, visit: (n: Node, depth: number) => void): void {
  const stack: [Node, number][] = [[ast, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    visit(node, depth);
    const deeper = node.type === 'Program' || node.type === 'SubExpression' ? depth + 1 : depth;
    for (const c of children(node).reverse()) stack.push([c, deeper]);
  }
}

const lineOf = (n: Node): number | null => n.loc?.start.line ?? null;
/** Handlebars counts columns from 0; editors and our messages from 1. */
const columnOf = (n: Node): number | null => (n.loc ? n.loc.start.column + 1 : null);
const at = (n: Node, detail: string, extras: ExplainedError['extras'] = {}) => new ExplainedError(detail, lineOf(n), columnOf(n), extras);

const HELPER_WORDS = { zh: ' helper', en: 'helpers' };

function simpleName(path: Node | undefined): string | null {
  if (!path || path.type !== 'PathExpression') return null;
  const p = path as Path;
  return p.parts.length === 1 && !p.data && p.depth === 0 && p.original === p.parts[0] ? p.parts[0]! : null;
}

/** The error for a call of a helper that is not known, with the known ones and the nearest. */
export function unknownHelper(name: string, known: Record<string, true>, n?: Node): ExplainedError {
  const extras = { ...allowed(name, Object.keys(known), HELPER_WORDS), detailEn: `unknown helper "${name}"` };
  return n ? at(n, `使用了未知的 helper「${name}」`, extras) : new ExplainedError(`使用了未知的 helper「${name}」`, null, null, extras);
}

function checkCall(n: Node, known: Record<string, true>): ExplainedError | null {
  const call = n as unknown as { path?: Node; params?: unknown[]; hash?: unknown };
  const name = simpleName(call.path);
  if (name === null) return null;
  const definite = (call.params?.length ?? 0) > 0 || call.hash != null || n.type === 'SubExpression';
  return REFUSED_HELPERS.has(name) || (definite && !Object.hasOwn(known, name)) ? unknownHelper(name, known, n) : null;
}

const MUSTACHE = /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|\{\{~?([#^/]?)([^}]*)\}\}/g;

/**
 * Nesting, counted on the source before Handlebars parses it: its parser takes seconds on
 * a few thousand nested blocks or sub-expressions, and its compiler recurses on them.
 * An over-estimate (a parenthesis in a string counts) only matters past the limit.
 */
export function checkSourceNesting(source: string): void {
  let depth = 0;
  for (const m of source.matchAll(MUSTACHE)) {
    const [, kind, body] = m;
    if (body === undefined) continue; // a comment
    if (kind === '#' || (kind === '^' && body.trim() !== '')) depth++;
    else if (kind === '/') depth--;
    let parens = 0;
    let deepest = 0;
    for (const ch of body) {
      if (ch === '(') deepest = Math.max(deepest, ++parens);
      else if (ch === ')') parens--;
    }
    if (depth + deepest > MAX_BLOCK_NESTING) {
      const { line, column } = positionAt(source, m.index);
      throw new ExplainedError(`块嵌套超过 ${MAX_BLOCK_NESTING} 层`, line, column, { detailEn: `blocks nested deeper than ${MAX_BLOCK_NESTING}` });
    }
  }
}

/** 1-based line and column of a character offset. */
export function positionAt(source: string, index: number): { line: number; column: number } {
  const before = source.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: index - lineStart + 1 };
}

/**
 * The last `{{#name}}` without its `{{/name}}`: where a file that ends too early went wrong.
 * Counted on the source (like checkSourceNesting), for the parse error that only says "EOF".
 */
export function unclosedBlock(source: string): { name: string; line: number; column: number } | null {
  const open: { name: string; index: number }[] = [];
  for (const m of source.matchAll(MUSTACHE)) {
    const [, kind, body] = m;
    if (body === undefined) continue;
    const name = body.trim().replace(/^[>*]\s*/, '').split(/[\s(]/)[0] ?? '';
    if (kind === '#' || (kind === '^' && body.trim() !== '')) open.push({ name, index: m.index });
    else if (kind === '/') open.pop();
  }
  const last = open.at(-1);
  return last ? { name: last.name, ...positionAt(source, last.index) } : null;
}

/**
 * Every problem found without running the template, in source order: unknown helpers and
 * decorators, blocks nested too deep, and — when `partials` is given — partials that exist
 * nowhere (neither as a file nor as an inline partial of this template).
 */
export function checkTemplate(ast: hbs.AST.Program, known: Record<string, true>, partials?: readonly string[]): ExplainedError[] {
  const found: ExplainedError[] = [];
  const inline = new Set<string>();
  const calls: Node[] = [];
  walk(ast, (n, depth) => {
    if (depth > MAX_BLOCK_NESTING) {
      if (!found.some((e) => e.detail.startsWith('块嵌套'))) found.push(at(n, `块嵌套超过 ${MAX_BLOCK_NESTING} 层`, { detailEn: `blocks nested deeper than ${MAX_BLOCK_NESTING}` }));
      return;
    }
    if (n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') {
      const e = checkCall(n, known);
      if (e) found.push(e);
    }
    if (n.type === 'Decorator' || n.type === 'DecoratorBlock') {
      const name = (n as unknown as { path: Path }).path.original;
      const args = (n as unknown as { params: { value?: unknown }[] }).params;
      if (name !== 'inline') found.push(at(n, `未知的装饰器「${name}」（只能用 {{#*inline}}）`, { detailEn: `unknown decorator "${name}" (only {{#*inline}} is allowed)` }));
      else if (typeof args[0]?.value === 'string') inline.add(args[0].value);
    }
    if (n.type === 'PartialStatement') calls.push(n);
  });
  if (partials) found.push(...unknownPartials(calls, partials, inline));
  return found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** `{{> name}}` with a plain name that no file and no inline partial defines (a partial block has its own fallback). */
function unknownPartials(calls: Node[], partials: readonly string[], inline: Set<string>): ExplainedError[] {
  const known = [...partials, ...inline];
  return calls.flatMap((n) => {
    const p = (n as unknown as { name: Node }).name;
    const name = p.type === 'PathExpression' ? (p as Path).original : null;
    if (name === null || known.includes(name)) return [];
    return [partialMissing(name, known, n)];
  });
}

/** 「找不到子模板」 with the file it would be, what exists, and the nearest name. */
export function partialMissing(name: string, known: readonly string[], n?: Node, line: number | null = null, column: number | null = null): ExplainedError {
  const extras = { ...allowed(name, known, { zh: '子模板', en: 'partials' }), detailEn: `no partial "${name}" (no file partials/${name}.hbs)` };
  const detail = `找不到子模板（partial）「${name}」（没有 partials/${name}.hbs 文件）`;
  return n ? at(n, detail, extras) : new ExplainedError(detail, line, column, extras);
}

/** Where a path that mentions `field` is, and what it reads in full: for errors Handlebars gives no line for. */
export function findPath(ast: hbs.AST.Program, field: string, line: number | null): { path: Path; index: number } | null {
  let found: { path: Path; index: number } | null = null;
  walk(ast, (n) => {
    if (found || n.type !== 'PathExpression') return;
    const p = n as Path;
    const index = p.parts.indexOf(field);
    if (index >= 0 && (line === null || lineOf(n) === line)) found = { path: p, index };
  });
  return found;
}

export function findPartial(ast: hbs.AST.Program, name: string): { line: number | null; column: number | null } | null {
  let pos: { line: number | null; column: number | null } | null = null;
  walk(ast, (n) => {
    if (pos !== null || (n.type !== 'PartialStatement' && n.type !== 'PartialBlockStatement')) return;
    const p = (n as unknown as { name: Node }).name;
    if ((p as Path).original === name) pos = { line: lineOf(n), column: columnOf(n) };
  });
  return pos;
}
