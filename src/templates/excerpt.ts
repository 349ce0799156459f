/**
 * The offending line of a template, as compilers show it: the line number, the text, and a
 * caret under the column. Long lines are cut around the column; CJK characters take two
 * terminal cells, so the caret is padded to match; tabs stay tabs.
 */

/** Characters shown either side of the column on a long line. */
const WINDOW = 40;
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{20000}-\u{3FFFD}]/u;

const pad = (before: string) => [...before].map((ch) => (ch === '\t' ? '\t' : WIDE.test(ch) ? '  ' : ' ')).join('');

/** `line` and `column` 1-based; column null: the line without a caret. Empty when the line is not in the source. */
export function excerpt(source: string, line: number, column: number | null): string {
  const text = source.split(/\r?\n/)[line - 1];
  if (text === undefined) return '';
  const col = column === null ? null : Math.min(Math.max(column - 1, 0), text.length);
  const from = col !== null && col > WINDOW && text.length > 2 * WINDOW ? col - WINDOW : 0;
  const to = Math.min(text.length, Math.max(from + 2 * WINDOW, (col ?? 0) + WINDOW));
  const shown = `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  const gutter = `${line}`;
  const blank = ' '.repeat(gutter.length);
  const out = [`  ${gutter} | ${shown}`];
  if (col !== null) out.push(`  ${blank} | ${pad(`${from > 0 ? '…' : ''}${text.slice(from, col)}`)}^`);
  return out.join('\n');
}
