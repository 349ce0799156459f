/**
 * YAML syntax errors in the user's words. The yaml library says where it gave up, in English
 * ("Implicit keys need to be on a single line"); the cause is usually one of a few slips made
 * typing YAML by hand in a Chinese editor. Each is recognised from the source text at and around
 * the error — not from the library's wording — and explained with the line as it should read.
 * Whatever is not recognised still gets a Chinese message quoting the line.
 */
import { indentationSlip, lineSlip, type LineSlip } from './keyLineSlip.js';
import { closingOf, openDelimiterAt } from './yamlDelimiters.js';
import { indentSlip, listMixSlip } from './yamlIndent.js';

export interface YamlErrorAt { code: string; message: string; offset: number; line: number; column: number }
export interface Explained { line: number; column: number; zh: string; en: string }

/** The yaml library's error codes, for errors that none of the slips below explains. */
const GENERIC: Record<string, string> = {
  BAD_INDENT: '缩进不对：同一层级的字段必须从同一列开始',
  MULTILINE_IMPLICIT_KEY: '无法识别字段：字段名必须写在一行内，后面紧跟「: 」（半角冒号加空格）',
  BLOCK_AS_IMPLICIT_KEY: '无法识别字段：一行里只能写一个「字段: 值」；值中含有「: 」时，请给整个值加上引号',
  MISSING_CHAR: '缺少必要的符号（引号、括号或冒号）',
  UNEXPECTED_TOKEN: '此处出现了意外的符号',
  BAD_SCALAR_START: '值不能以此符号开头（如 @ 或 `），请给整个值加上引号',
  BAD_DQ_ESCAPE: '双引号内的反斜杠「\\」构成了无效的转义：请改用单引号，或把「\\」写作「\\\\」',
  MULTIPLE_DOCS: '文件中有多个 YAML 文档（以「---」分隔），案件文件只能有一个',
  KEY_OVER_1024_CHARS: '字段名过长：多半是冒号写错，整段文字被当成了字段名',
  TAB_AS_INDENT: '行首用了制表符（Tab）缩进，YAML 只能用半角空格缩进',
};

/** A line quoted in a message: enough to find it, not a paragraph. */
function shown(line: string): string {
  const t = line.trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}

/**
 * The slip on a line. A misplaced colon is looked for on the error line only: elsewhere a
 * full-width colon is ordinary text (`- 患方认为：…`); bad indentation may also be on the next line.
 */
function fromLine(lines: string[], line: number, find: (text: string) => LineSlip | undefined): Explained | undefined {
  const text = lines[line - 1];
  const slip = text === undefined ? undefined : find(text);
  return slip && explainSlip(line, slip);
}

export function explainSlip(line: number, slip: LineSlip): Explained {
  const fix = slip.fix?.trim();
  return { line, column: slip.column, zh: fix ? `${slip.zh}。请改为「${fix}」` : slip.zh, en: fix ? `${slip.en}; write "${fix}"` : slip.en };
}

/** `upToError`: what is open where the parser stopped; otherwise only what is still open at the end of the file counts. */
function fromDelimiter(text: string, lines: string[], e: YamlErrorAt, upToError: boolean): Explained | undefined {
  const open = openDelimiterAt(text, upToError ? Math.max(e.offset, 0) || text.length : text.length);
  if (!open) return undefined;
  const before = text.slice(0, open.offset);
  const line = before.split('\n').length;
  const column = open.offset - before.lastIndexOf('\n');
  const close = closingOf(open.char);
  const what = open.char === '"' || open.char === "'" ? '引号' : '括号';
  const fix = `${shown(lines[line - 1]!)}${close}`;
  return {
    line, column,
    zh: `此处的${what}「${open.char}」没有配对的「${close}」，其后的内容都被当成了它的一部分。请在值的末尾补上「${close}」，例如「${fix}」`,
    en: `the ${open.char} opened here is never closed with ${close}; add it where the value ends`,
  };
}

function fromIndent(lines: string[], e: YamlErrorAt): Explained | undefined {
  const slip = indentSlip(lines, [e.line - 1, e.line]);
  if (!slip) return undefined;
  const levels = slip.expected.map((n) => `${n} 个`).join('或 ');
  const should = levels ? `，应为 ${levels}空格` : '';
  return {
    line: slip.line, column: 1,
    zh: `这一行缩进了 ${slip.indent} 个空格，与上下的字段对不齐${should}（同一层级的字段必须从同一列开始）。该行：「${shown(lines[slip.line - 1]!)}」`,
    en: `this line is indented ${slip.indent} spaces, unlike its neighbours${slip.expected.length ? `; expected ${slip.expected.join(' or ')}` : ''}`,
  };
}

function fromListMix(lines: string[], e: YamlErrorAt): Explained | undefined {
  const mix = listMixSlip(lines, e.line - 1);
  if (!mix) return undefined;
  return {
    line: mix.line, column: 1,
    zh: `这一行与上面的列表项「${shown(mix.item)}」缩进相同：同一层级不能既有列表项又有字段。若它属于该列表项，请缩进 ${mix.expected} 个空格，与该项的字段对齐`,
    en: `this line is a field at the level of the list item above; indent it ${mix.expected} spaces if it belongs to the item`,
  };
}

function generic(lines: string[], e: YamlErrorAt): Explained {
  const phrase = GENERIC[e.code] ?? 'YAML 格式不对';
  const text = lines[e.line - 1];
  const quoted = text && text.trim() ? `。该行：「${shown(text)}」` : '';
  return { line: e.line, column: e.column, zh: `${phrase}${quoted}`, en: e.message };
}

const DELIMITER = /quote|flow (sequence|mapping|collection)|\]|\}/i;

/** One parser error explained: the slip the text shows near it, else the generic wording. */
export function explainYamlError(text: string, lines: string[], e: YamlErrorAt): Explained {
  if (DELIMITER.test(e.message)) {
    const open = fromDelimiter(text, lines, e, true);
    if (open) return open;
  }
  return fromLine(lines, e.line, lineSlip) ?? fromLine(lines, e.line + 1, indentationSlip)
    ?? fromIndent(lines, e) ?? fromListMix(lines, e) ?? fromDelimiter(text, lines, e, false) ?? generic(lines, e);
}

/** A key with a full-width space in its name (it parsed, as the wrong field): what the line shows. */
export function explainSpacedKey(lines: string[], at: { line: number; column: number }): Explained {
  const text = lines[at.line - 1] ?? '';
  const slip = indentationSlip(text);
  if (slip) return explainSlip(at.line, slip);
  const key = text.slice(at.column - 1).replace(/\s*[:：].*$/, '');
  return {
    line: at.line, column: at.column,
    zh: `字段名「${key}」中有全角空格「　」，请删除它（字段名与冒号之间不留空格）`,
    en: 'a full-width space in a field name; remove it',
  };
}
