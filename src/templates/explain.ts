/**
 * Any error from parsing, compiling or running a template → where it is (line, column when
 * known) and a Chinese explanation (with English). No JavaScript internals reach the user: what
 * is not recognised is still said in Chinese, with Handlebars' own words only as a quoted detail.
 */
import Handlebars from 'handlebars';
import { ExplainedError, MissingFieldError, type ErrorExtras } from './errors.js';
import { findPartial, findPath, partialMissing, unclosedBlock, unknownHelper } from './check.js';
import { KNOWN_HELPERS } from './helpers.js';
import { allowed, nearest } from './suggest.js';

export interface Explained { line: number | null; column: number | null; detail: string; extras: ErrorExtras }

/** What the template set knows, for "did you mean". */
export interface Known { partials: readonly string[] }

/** A missing field named as the template author wrote it: the absent part, then the whole path. */
function missingField(e: MissingFieldError, ast: hbs.AST.Program | undefined): Explained {
  const at = ast ? findPath(ast, e.field, e.line) ?? findPath(ast, e.field, null) : null;
  const hint = fieldHint(e);
  if (!at) return { line: e.line, column: e.column, detail: e.detail, extras: { ...e.extras, ...hint } };
  const field = e.parentMissing && at.index > 0 ? at.path.parts[at.index - 1]! : e.field;
  const whole = at.path.parts.length > 1 ? `（${at.path.original}）` : '';
  const loc = at.path.loc?.start;
  return {
    line: e.line ?? loc?.line ?? null,
    column: e.column ?? (loc ? loc.column + 1 : null),
    detail: `引用了报告模型中不存在的字段「${field}」${whole}`,
    extras: { detailEn: `the report model has no field "${field}"${whole ? ` (${at.path.original})` : ''}`, ...(field === e.field ? hint : {}) },
  };
}

/** Beyond this many, only the nearest field is named: the report model's top level has dozens. */
const MAX_FIELDS_LISTED = 12;

/** The fields the object has: the nearest, and all of them when they are few. */
function fieldHint(e: MissingFieldError): Pick<ErrorExtras, 'hint' | 'hintEn'> {
  if (e.fields.length === 0) return {};
  const guess = nearest(e.field, e.fields);
  if (e.fields.length <= MAX_FIELDS_LISTED) return allowed(e.field, e.fields, { zh: '字段', en: 'fields' });
  return guess ? { hint: `是否应为「${guess}」？`, hintEn: `did you mean "${guess}"?` } : {};
}

/** Handlebars' token names, as a template author knows them. */
const TOKENS: Record<string, [string, string]> = {
  EOF: ['文件结尾', 'end of file'],
  OPEN_ENDBLOCK: ['{{/…}}', '{{/…}}'],
  INVERSE: ['{{else}}', '{{else}}'],
  OPEN_INVERSE_CHAIN: ['{{else …}}', '{{else …}}'],
  CLOSE: ['}}', '}}'],
  CLOSE_UNESCAPED: ['}}}', '}}}'],
  CLOSE_RAW_BLOCK: ['}}}}', '}}}}'],
  OPEN_SEXPR: ['(', '('],
  CLOSE_SEXPR: [')', ')'],
  ID: ['名称', 'a name'],
  STRING: ['字符串', 'a string'],
  NUMBER: ['数字', 'a number'],
  BOOLEAN: ['true/false', 'true/false'],
  UNDEFINED: ['undefined', 'undefined'],
  NULL: ['null', 'null'],
  DATA: ['@变量', 'an @variable'],
  SEP: ['. 或 /', '. or /'],
  EQUALS: ['=', '='],
  OPEN_BLOCK_PARAMS: ['as |…|', 'as |…|'],
  INVALID: ['无法识别的字符', 'a character Handlebars does not accept'],
};
const token = (t: string, lang: 0 | 1) => {
  const name = t.replace(/^'|'$/g, '');
  return TOKENS[name] ? `${TOKENS[name]![lang]}` : name;
};
const tokens = (list: string, lang: 0 | 1) => [...new Set(list.split(/,\s*/).map((t) => token(t, lang)))].join(lang ? ', ' : '、');

/** The lexer's position of the token it stopped at (Handlebars' message has the line only, and a cut excerpt). */
function lexerPosition(): { line: number; column: number } | null {
  // Handlebars.Parser is its (undeclared) jison parser; parsing is synchronous, so its lexer still holds the failing token.
  const parser = (Handlebars as unknown as { Parser?: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser;
  const loc = parser?.lexer?.yylloc;
  return loc ? { line: loc.first_line, column: loc.first_column + 1 } : null;
}

/** `Parse error on line 3:\n…excerpt…\n---^\nExpecting 'A', 'B', got 'EOF'` → the whole of it, in words. */
function parseError(msg: string, source: string | undefined): Explained | null {
  const m = /^Parse error on line (\d+):\n[\s\S]*?\n-*\^\n(?:Expecting (.+), got (.+)|(.+))$/.exec(msg);
  if (!m) return null;
  const [, line, expecting, got, other] = m;
  const pos = lexerPosition() ?? { line: Number(line), column: null };
  if (got === "'EOF'" && source) {
    const open = unclosedBlock(source);
    if (open) {
      return {
        line: open.line, column: open.column,
        detail: `语法错误：{{#${open.name}}} 没有对应的 {{/${open.name}}}（文件已结束）`,
        extras: { detailEn: `syntax error: {{#${open.name}}} has no {{/${open.name}}} (the file ended)` },
      };
    }
  }
  if (!expecting) return { line: pos.line, column: pos.column, detail: `语法错误：${other}`, extras: { detailEn: `syntax error: ${other}` } };
  return {
    line: pos.line, column: pos.column,
    detail: `语法错误：此处应为 ${tokens(expecting, 0)}，实际为 ${token(got!, 0)}`,
    extras: { detailEn: `syntax error: expected ${tokens(expecting, 1)}, found ${token(got!, 1)}` },
  };
}

function fromMessage(msg: string, known: Known): { detail: string; extras: ErrorExtras } {
  let m: RegExpExecArray | null;
  if ((m = /You specified knownHelpersOnly, but used the unknown helper (\S+)/.exec(msg)) || (m = /Missing helper: "([^"]+)"/.exec(msg))) {
    const e = unknownHelper(m[1]!, KNOWN_HELPERS);
    return { detail: e.detail, extras: e.extras };
  }
  if ((m = /^(\S+) doesn't match (\S+)/.exec(msg))) {
    return { detail: `语法错误：{{#${m[1]}}} 与 {{/${m[2]}}} 不配对`, extras: { detailEn: `syntax error: {{#${m[1]}}} is closed by {{/${m[2]}}}` } };
  }
  if ((m = /The partial (.+) could not be found/.exec(msg))) {
    const e = partialMissing(m[1]!, known.partials);
    return { detail: e.detail, extras: e.extras };
  }
  if ((m = /^#(\w+) requires exactly one argument/.exec(msg))) return { detail: `{{#${m[1]}}} 需要恰好一个参数`, extras: { detailEn: `{{#${m[1]}}} takes exactly one argument` } };
  if (/Maximum call stack size exceeded/.test(msg)) return { detail: '模板嵌套过深（块、子表达式或子模板递归调用过深）', extras: { detailEn: 'templates nested too deep (blocks, sub-expressions or recursive partials)' } };
  if (/Invalid string length|Array buffer allocation failed/.test(msg)) return { detail: '模板输出过大', extras: { detailEn: 'template output too large' } };
  const first = msg.split('\n')[0]!.replace(/ - \d+:\d+$/, '');
  return { detail: `模板无法处理（Handlebars：${first}）`, extras: { detailEn: `template cannot be processed (Handlebars: ${first})` } };
}

/** A Handlebars error's own message, in our words, for errors caught where the template is not at hand (a helper call). */
export function explainMessage(e: unknown): ExplainedError {
  const msg = e instanceof Error ? e.message : String(e);
  const { detail, extras } = fromMessage(msg, { partials: [] });
  return new ExplainedError(detail, null, null, extras);
}

export function explain(e: unknown, ast: hbs.AST.Program | undefined, source: string | undefined, known: Known): Explained {
  if (e instanceof MissingFieldError) return missingField(e, ast);
  if (e instanceof ExplainedError) {
    const at = e.line === null && e.partialCall !== undefined && ast ? findPartial(ast, e.partialCall) : null;
    return { line: at?.line ?? e.line, column: at?.column ?? e.column, detail: e.detail, extras: e.extras };
  }
  const msg = e instanceof Error ? e.message : String(e);
  const parsed = parseError(msg, source);
  if (parsed) return parsed;
  const err = e as { lineNumber?: number; column?: number };
  let line: number | null = Number.isFinite(err.lineNumber) ? err.lineNumber! : null;
  let column: number | null = line !== null && Number.isFinite(err.column) ? err.column! + 1 : null;
  const partial = /The partial (.+) could not be found/.exec(msg);
  if (partial && ast && line === null) ({ line, column } = findPartial(ast, partial[1]!) ?? { line, column });
  return { line, column, ...fromMessage(msg, known) };
}
