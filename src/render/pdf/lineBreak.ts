/**
 * Line breaking for Chinese text: break between any two CJK characters, keep Latin words
 * and numbers whole, and obey the 禁则 (no line starts with closing punctuation, none ends
 * with opening punctuation, dashes and ellipses stay whole). Lines that would violate a
 * rule push the offending character's neighbour to the next line (追い出し), never hang
 * it into the margin. Pure functions over widths; unit-testable without fonts.
 */

export interface BreakItem {
  text: string;
  width: number;
  cls: 'ideo' | 'word' | 'space';
}

/** Characters that may not begin a line (行首禁则). */
export const NO_LINE_START = new Set(
  Array.from(
    '，。、；：？！）］｝〕〉》」』】〙〗〟’”｠»ヽヾーァィゥェォッャュョヮヵヶぁぃぅぇぉっゃゅょゎゕゖ々〻‐゠〜～‼⁇⁈⁉・·…‥％%‰℃°′″,.:;?!)]}>．｡､',
  ),
);

/** Characters that may not end a line (行尾禁则). */
export const NO_LINE_END = new Set(Array.from('（［｛〔〈《「『【〘〖〝‘“｟«([{<＜$¥£￥＄#＃·'));

/** Pairs that must not be split: ——, ……, ⋯⋯. */
const NO_SPLIT_PAIRS = new Set(['—', '…', '⋯', '‥']);

function firstChar(text: string): string {
  const cp = text.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function lastChar(text: string): string {
  if (text.length <= 1) return text;
  const low = text.charCodeAt(text.length - 1);
  return low >= 0xdc00 && low <= 0xdfff ? text.slice(-2) : text.slice(-1);
}

/** Whether a line may end after `a` when `b` follows. */
export function canBreakBetween(a: BreakItem, b: BreakItem): boolean {
  if (b.cls === 'space') return false; // break after the spaces, not before them
  const classAllows = a.cls === 'space' || a.cls === 'ideo' || b.cls === 'ideo';
  if (!classAllows) return false;
  const end = lastChar(a.text);
  const start = firstChar(b.text);
  if (NO_LINE_START.has(start) || NO_LINE_END.has(end)) return false;
  return !(end === start && NO_SPLIT_PAIRS.has(end));
}

/** Whether extra space may go between `a` and `b` when justifying (not inside words). */
export function isStretchableGap(a: BreakItem, b: BreakItem): boolean {
  return !(a.cls === 'word' && b.cls === 'word');
}

export interface LineRange {
  /** First item of the line. */
  start: number;
  /** One past the last visible item (trailing spaces excluded). */
  end: number;
}

const EPSILON = 1e-6;

function skipSpaces(items: readonly BreakItem[], from: number): number {
  let i = from;
  while (i < items.length && items[i]?.cls === 'space') i++;
  return i;
}

function trimEnd(items: readonly BreakItem[], start: number, end: number): number {
  let e = end;
  while (e > start && items[e - 1]?.cls === 'space') e--;
  return e;
}

function prefixWidths(items: readonly BreakItem[]): Float64Array {
  const pos = new Float64Array(items.length + 1);
  for (let i = 0; i < items.length; i++) pos[i + 1] = (pos[i] ?? 0) + (items[i]?.width ?? 0);
  return pos;
}

/**
 * Greedy line filling. `widthOf(n)` is the measure of the n-th line (the first is shorter
 * by the indent). A unit wider than a whole line (a long word) is cut by character.
 */
export function breakLines(items: readonly BreakItem[], widthOf: (line: number) => number): LineRange[] {
  const pos = prefixWidths(items);
  const lines: LineRange[] = [];
  let start = 0; // leading spaces of a paragraph are kept; only wrapped lines drop them
  let lastBreak = -1; // the line may end after this index
  for (let i = start; i < items.length; i++) {
    const item = items[i] as BreakItem;
    const overflows = item.cls !== 'space' && i > start && (pos[i + 1] ?? 0) - (pos[start] ?? 0) > widthOf(lines.length) + EPSILON;
    if (overflows) {
      const end = lastBreak >= start ? lastBreak + 1 : i;
      lines.push({ start, end: trimEnd(items, start, end) });
      start = skipSpaces(items, end);
      lastBreak = -1;
      i = start - 1; // rescan the carried-over part for break opportunities
      continue;
    }
    const next = items[i + 1];
    if (next && canBreakBetween(item, next)) lastBreak = i;
  }
  if (start < items.length || lines.length === 0) lines.push({ start, end: trimEnd(items, start, items.length) });
  return lines;
}
