/**
 * The slips that turn a `key: value` line into something else, read from the line itself:
 * a full-width colon 「：」 where the separator belongs, a colon without the space YAML needs
 * after it (`kind:judicial`), a full-width space 「　」 in its place, tabs or full-width spaces
 * for indentation. Each comes with the line as it should read.
 *
 * A full-width colon inside a value (`summary: 患者：张某某`) is text, not a slip: only a line
 * whose first colon of any kind is the full-width one is read as a key written wrongly.
 */
export interface LineSlip {
  /** 1-based column of the offending character. */
  column: number;
  zh: string;
  en: string;
  /** The line as it should read, for 「请改为」; none for indentation, whose fix is invisible when quoted. */
  fix?: string;
  /** The key of a `key: value` line whose separator is wrong. */
  key?: string;
}

const FULL_SPACE = '\u3000';

/** Indentation, an optional list dash, a key, a separator and the rest of the line. */
const KEY_LINE = /^([ \t\u3000]*(?:-[ \u3000]+)?)([^\s:：#'"\[\]{},&*!|>%@`-][^:：#]*?)[ \u3000]*([:：])(.*)$/;

/** Tabs or full-width spaces in a line's indentation. */
export function indentationSlip(line: string): LineSlip | undefined {
  const m = /^[ \t\u3000]*/.exec(line)!;
  const bad = m[0].search(/[\t\u3000]/);
  if (bad < 0 || m[0].length === line.length) return undefined;
  const tab = m[0][bad] === '\t';
  return {
    column: bad + 1,
    zh: tab
      ? '行首用了制表符（Tab）缩进，YAML 只能用半角空格缩进。请把行首的 Tab 换成半角空格，与同级字段对齐'
      : '行首有全角空格「　」，YAML 只能用半角空格缩进。请把行首的全角空格换成半角空格，与同级字段对齐',
    en: tab ? 'the line is indented with a tab; YAML indents with spaces only' : 'the line is indented with a full-width space; YAML indents with ASCII spaces only',
  };
}

function separatorSlip(line: string): LineSlip | undefined {
  const m = KEY_LINE.exec(line);
  if (!m) return undefined;
  const [, lead, key, colon, rest] = m as unknown as [string, string, string, string, string];
  const column = lead.length + line.slice(lead.length).indexOf(colon, key.length) + 1;
  const value = rest.replace(/^[ \u3000]+/, '');
  const fix = `${lead}${key}:${value ? ` ${value}` : ''}`;
  if (colon === '：') {
    return { column, fix, key, zh: '冒号是全角的「：」，YAML 要求半角冒号加空格「: 」', en: 'the colon is the full-width 「：」; YAML needs an ASCII colon and a space' };
  }
  if (rest.startsWith(FULL_SPACE)) {
    return { column: column + 1, fix, key, zh: '冒号后是全角空格「　」，YAML 要求半角冒号后加半角空格', en: 'a full-width space follows the colon; YAML needs an ASCII space' };
  }
  // `key:value`, but not a URL or a time (http://, 10:30) where the colon belongs to the text.
  if (rest !== '' && !/^[\s#]/.test(rest) && !/^\/\//.test(rest) && !/\d$/.test(key)) {
    return { column: column + 1, fix, key, zh: '冒号后缺少空格，YAML 要求「: 」（半角冒号加空格）', en: 'no space after the colon; YAML needs ": "' };
  }
  return undefined;
}

/** The slip on one line of YAML, if it shows one. */
export function lineSlip(line: string): LineSlip | undefined {
  return indentationSlip(line) ?? separatorSlip(line);
}
