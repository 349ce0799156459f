/**
 * Static checks of a parsed template, before it is compiled or run: what Handlebars would
 * otherwise accept and then fail on with a JavaScript error, or silently allow.
 */
import { ExplainedError } from './errors.js';

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

function simpleName(path: Node | undefined): string | null {
  if (!path || path.type !== 'PathExpression') return null;
  const p = path as Path;
  return p.parts.length === 1 && !p.data && p.depth === 0 && p.original === p.parts[0] ? p.parts[0]! : null;
}

function checkCall(n: Node, known: Record<string, true>): void {
  const call = n as unknown as { path?: Node; params?: unknown[]; hash?: unknown };
  const name = simpleName(call.path);
  if (name === null) return;
  const definite = (call.params?.length ?? 0) > 0 || call.hash != null || n.type === 'SubExpression';
  if (REFUSED_HELPERS.has(name) || (definite && !Object.hasOwn(known, name))) {
    throw new ExplainedError(`使用了未知的 helper「${name}」`, lineOf(n));
  }
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
      const line = source.slice(0, m.index).split('\n').length;
      throw new ExplainedError(`块嵌套超过 ${MAX_BLOCK_NESTING} 层`, line);
    }
  }
}

export function checkTemplate(ast: hbs.AST.Program, known: Record<string, true>): void {
  walk(ast, (n, depth) => {
    if (depth > MAX_BLOCK_NESTING) throw new ExplainedError(`块嵌套超过 ${MAX_BLOCK_NESTING} 层`, lineOf(n));
    if (n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') checkCall(n, known);
    if (n.type === 'Decorator' || n.type === 'DecoratorBlock') {
      const name = (n as unknown as { path: Path }).path.original;
      if (name !== 'inline') throw new ExplainedError(`未知的装饰器「${name}」（只能用 {{#*inline}}）`, lineOf(n));
    }
  });
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

export function findPartial(ast: hbs.AST.Program, name: string): number | null {
  let line: number | null = null;
  walk(ast, (n) => {
    if (line !== null || (n.type !== 'PartialStatement' && n.type !== 'PartialBlockStatement')) return;
    const p = (n as unknown as { name: Node }).name;
    if ((p as Path).original === name) line = lineOf(n);
  });
  return line;
}
