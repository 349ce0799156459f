/**
 * Any error from parsing, compiling or running a template → a line (when known) and a
 * Chinese explanation. No JavaScript internals reach the user: what is not recognised is
 * still said in Chinese, with Handlebars' own words only as a quoted detail.
 */
import { ExplainedError, MissingFieldError } from './errors.js';
import { findPartial, findPath } from './check.js';

export interface Explained { line: number | null; detail: string }

/** A missing field named as the template author wrote it: the absent part, then the whole path. */
function missingField(e: MissingFieldError, ast: hbs.AST.Program | undefined): Explained {
  const at = ast ? findPath(ast, e.field, e.line) ?? findPath(ast, e.field, null) : null;
  if (!at) return { line: e.line, detail: e.detail };
  const field = e.parentMissing && at.index > 0 ? at.path.parts[at.index - 1]! : e.field;
  const whole = at.path.parts.length > 1 ? `（${at.path.original}）` : '';
  return { line: e.line ?? at.path.loc?.start.line ?? null, detail: `引用了报告模型中不存在的字段「${field}」${whole}` };
}

/** `Parse error on line 3:\n…excerpt…\n---^\nExpecting 'A', 'B', got 'EOF'` in full, in Chinese. */
function parseError(msg: string): Explained | null {
  const m = /^Parse error on line (\d+):\n([\s\S]*?)\n(-*\^)\n(?:Expecting (.+), got (.+)|(.+))$/.exec(msg);
  if (!m) return null;
  const [, line, excerpt, caret, expecting, got, other] = m;
  const what = expecting
    ? `此处应为 ${expecting}，实际为 ${got}${got === "'EOF'" ? '（文件已结束：是否缺少 {{/…}}？）' : ''}`
    : other!;
  return { line: Number(line), detail: `语法错误：${what}\n${excerpt}\n${caret}` };
}

function fromMessage(msg: string): string {
  let m: RegExpExecArray | null;
  if ((m = /You specified knownHelpersOnly, but used the unknown helper (\S+)/.exec(msg))) return `使用了未知的 helper「${m[1]}」`;
  if ((m = /Missing helper: "([^"]+)"/.exec(msg))) return `使用了未知的 helper「${m[1]}」`;
  if ((m = /^(\S+) doesn't match (\S+)/.exec(msg))) return `语法错误：{{#${m[1]}}} 与 {{/${m[2]}}} 不配对`;
  if ((m = /The partial (.+) could not be found/.exec(msg))) return `找不到子模板（partial）「${m[1]}」`;
  if ((m = /^#(\w+) requires exactly one argument/.exec(msg))) return `{{#${m[1]}}} 需要恰好一个参数`;
  if (/Maximum call stack size exceeded/.test(msg)) return '模板嵌套过深（块、子表达式或子模板递归调用过深）';
  if (/Invalid string length|Array buffer allocation failed/.test(msg)) return '模板输出过大';
  return `模板无法处理（Handlebars：${msg}）`;
}

export function explain(e: unknown, ast?: hbs.AST.Program): Explained {
  if (e instanceof MissingFieldError) return missingField(e, ast);
  if (e instanceof ExplainedError) return { line: e.line, detail: e.detail };
  const msg = e instanceof Error ? e.message : String(e);
  const parsed = parseError(msg);
  if (parsed) return parsed;
  const err = e as { lineNumber?: number };
  let line: number | null = Number.isFinite(err.lineNumber) ? err.lineNumber! : null;
  const partial = /The partial (.+) could not be found/.exec(msg);
  if (partial && ast && line === null) line = findPartial(ast, partial[1]!);
  return { line, detail: fromMessage(msg) };
}
