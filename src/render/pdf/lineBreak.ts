/**
 * Line breaking for Chinese text: break between any two CJK characters, keep Latin words
 * and numbers whole, and obey the 禁则 (no line starts with closing punctuation, none ends
 * with opening punctuation, dashes and ellipses stay whole). Lines that would violate a
 * rule push the offending character's neighbour to the next line (追い出し), never hang
 * it into the margin. Each line takes the better of pushing out and pulling in (追い込み, by
 * compressing punctuation), so gaps stay under a quarter em where the text allows; numbers
 * and Latin words stay whole. A paragraph's last line is not left with a lone character.
 * Pure functions over widths; unit-testable without fonts.
 */

export interface BreakItem {
  text: string;
  width: number;
  cls: 'ideo' | 'word' | 'space';
  /** Points of blank a compressible mark can still give up (标点挤压); 0 when absent. */
  shrink?: number;
  /** The compressible blank is on the mark's left (opening marks), else on its right. */
  opening?: boolean;
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

/**
 * Blank the item at `i` may give up in the line [start, end). A mark's blank at the line's
 * edge (an opening mark starting it, a closing mark ending it) only with `edges`: squeezed
 * there, the glyph's box stands half an em outside the text block.
 */
export function squeezableAt(items: readonly BreakItem[], i: number, start: number, end: number, edges: boolean): number {
  const item = items[i] as BreakItem;
  const shrink = item.shrink ?? 0;
  if (edges || shrink === 0) return shrink;
  const atEdge = item.opening ? i === start : i === end - 1;
  return atEdge ? 0 : shrink;
}

export interface BreakOptions {
  /** The text's em in points: gaps wider than LOOSE_GAP_EM of it count as letter-spacing. */
  em?: number;
  /** Re-break so the last line holds at least two characters besides punctuation. */
  avoidRunts?: boolean;
  /**
   * Line-start and line-end compression: marks at a line's edges may give up their blank too.
   * Off in the PDF renderer, whose glyph boxes would then cross the text block's edge.
   */
  compressLineEdges?: boolean;
}

/** The widest inter-character gap justification may open before other remedies, in ems. */
export const LOOSE_GAP_EM = 0.25;

const EPSILON = 1e-6;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;

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

/** Prefix sums over the items, so any line's width, shrink and gap count are O(1). */
class Sums {
  readonly width: Float64Array;
  readonly shrink: Float64Array;
  readonly gaps: Float64Array;

  constructor(readonly items: readonly BreakItem[], readonly edges = false) {
    const n = items.length;
    this.width = new Float64Array(n + 1);
    this.shrink = new Float64Array(n + 1);
    this.gaps = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const item = items[i] as BreakItem;
      const next = items[i + 1];
      this.width[i + 1] = (this.width[i] ?? 0) + item.width;
      this.shrink[i + 1] = (this.shrink[i] ?? 0) + (item.shrink ?? 0);
      this.gaps[i + 1] = (this.gaps[i] ?? 0) + (next && isStretchableGap(item, next) ? 1 : 0);
    }
  }

  natural(start: number, end: number): number {
    return (this.width[end] ?? 0) - (this.width[start] ?? 0);
  }

  /** Width with every compressible mark at half width. */
  tight(start: number, end: number): number {
    if (end <= start) return 0;
    let shrink = (this.shrink[end] ?? 0) - (this.shrink[start] ?? 0);
    if (!this.edges) shrink -= (this.items[start]?.shrink ?? 0) - squeezableAt(this.items, start, start, end, false);
    if (!this.edges && end - 1 > start) shrink -= (this.items[end - 1]?.shrink ?? 0) - squeezableAt(this.items, end - 1, start, end, false);
    return this.natural(start, end) - shrink;
  }

  /** Stretchable gaps inside [start, end). */
  gapCount(start: number, end: number): number {
    return end - start < 2 ? 0 : (this.gaps[end - 1] ?? 0) - (this.gaps[start] ?? 0);
  }

  /** Extra space per gap when [start, end) is justified to `width` (0 when it must shrink). */
  stretchPerGap(start: number, end: number, width: number): number {
    const extra = width - this.natural(start, end);
    if (extra <= 0) return 0;
    const gaps = this.gapCount(start, end);
    return gaps > 0 ? extra / gaps : Infinity;
  }
}

/** A candidate end for a line starting at `start`: badness 0 (perfect) … 1 (at a limit), above 1 loose. */
interface Candidate {
  end: number;
  next: number;
  badness: number;
}

function candidate(sums: Sums, start: number, cut: number, width: number, em: number): Candidate {
  const end = trimEnd(sums.items, start, cut);
  const next = skipSpaces(sums.items, cut);
  const natural = sums.natural(start, end);
  if (natural > width + EPSILON) {
    const shrink = natural - sums.tight(start, end);
    return { end, next, badness: shrink > 0 ? (natural - width) / shrink : Infinity };
  }
  return { end, next, badness: sums.stretchPerGap(start, end, width) / (LOOSE_GAP_EM * em) };
}

/**
 * The end of the line starting at `start`: the last break that fits naturally (push out,
 * then justified by stretching) or the last that fits with compressed punctuation (pull in),
 * whichever departs less from natural spacing relative to its limit.
 */
function chooseEnd(sums: Sums, start: number, width: number, em: number, preferTight: boolean): Candidate {
  const items = sums.items;
  let natural: number | undefined;
  let tight: number | undefined;
  let i = start;
  for (; i < items.length; i++) {
    const item = items[i] as BreakItem;
    if (item.cls !== 'space' && i > start && sums.tight(start, i + 1) > width + EPSILON) break;
    const next = items[i + 1];
    const fitsNaturally = sums.natural(start, trimEnd(items, start, i + 1)) <= width + EPSILON;
    if (!next || canBreakBetween(item, next)) {
      if (fitsNaturally) natural = i + 1;
      tight = i + 1;
    }
  }
  if (natural === undefined && tight === undefined) {
    // Nothing fits whole: cut the over-long unit by character, as before.
    const cut = Math.max(start + 1, i);
    return candidate(sums, start, cut, width, em);
  }
  const pushed = natural !== undefined ? candidate(sums, start, natural, width, em) : undefined;
  const pulled = tight !== undefined && tight !== natural ? candidate(sums, start, tight, width, em) : undefined;
  let best = pushed ?? (pulled as Candidate);
  if (pulled && (preferTight || pulled.badness < best.badness)) best = pulled;
  return best;
}

function fill(sums: Sums, widthOf: (line: number) => number, em: number, preferTight: boolean): LineRange[] {
  const items = sums.items;
  const lines: LineRange[] = [];
  let start = 0; // leading spaces of a paragraph are kept; only wrapped lines drop them
  while (start < items.length) {
    const width = widthOf(lines.length);
    if (sums.natural(start, trimEnd(items, start, items.length)) <= width + EPSILON) break;
    const { end, next } = chooseEnd(sums, start, width, em, preferTight);
    lines.push({ start, end });
    start = next;
  }
  if (start < items.length || lines.length === 0) lines.push({ start, end: trimEnd(items, start, items.length) });
  return lines;
}

/** A last line with fewer than two characters besides punctuation (「错；」). */
export function isRuntLine(items: readonly BreakItem[], range: LineRange): boolean {
  let letters = 0;
  for (let i = range.start; i < range.end; i++) {
    const item = items[i] as BreakItem;
    if (item.cls !== 'space' && !PUNCTUATION.test(item.text)) letters++;
  }
  return letters < 2;
}

function endsInRunt(items: readonly BreakItem[], lines: readonly LineRange[]): boolean {
  const last = lines[lines.length - 1];
  return lines.length > 1 && !!last && isRuntLine(items, last);
}

/** Pushes characters from the next-to-last line down until the last line is no runt, within the gap limit. */
function pushIntoLastLine(sums: Sums, lines: LineRange[], widthOf: (line: number) => number, em: number): LineRange[] | undefined {
  const items = sums.items;
  const n = lines.length;
  const prev = lines[n - 2] as LineRange;
  const width = widthOf(n - 2);
  for (let cut = prev.end - 1; cut > prev.start + 1; cut--) {
    const a = items[cut - 1] as BreakItem;
    const b = items[cut] as BreakItem;
    if (!canBreakBetween(a, b)) continue;
    const head = candidate(sums, prev.start, cut, width, em);
    if (head.badness > 1) return undefined; // the line above would go loose: keep the runt
    const last = { start: head.next, end: trimEnd(items, head.next, items.length) };
    if (sums.natural(last.start, last.end) > widthOf(n - 1) + EPSILON) return undefined;
    if (!isRuntLine(items, last)) return [...lines.slice(0, n - 2), { start: prev.start, end: head.end }, last];
  }
  return undefined;
}

/**
 * Line breaking. `widthOf(n)` is the measure of the n-th line (the first is shorter by the
 * indent). A unit wider than a whole line (a long word) is cut by character.
 */
export function breakLines(items: readonly BreakItem[], widthOf: (line: number) => number, options: BreakOptions = {}): LineRange[] {
  const sums = new Sums(items, options.compressLineEdges);
  const em = options.em ?? Infinity;
  const lines = fill(sums, widthOf, em, false);
  if (!options.avoidRunts || !endsInRunt(items, lines)) return lines;
  // Pull first: compressing punctuation on the lines above may take the runt in.
  const pulled = fill(sums, widthOf, em, true);
  if (!endsInRunt(items, pulled)) return pulled;
  return pushIntoLastLine(sums, lines, widthOf, em) ?? lines;
}

/** Breaks that fall between phrases: after a pause mark or a space, before a bracket or dash. */
const PHRASE_END = new Set(Array.from('，、：；）」》 '));
const PHRASE_START = new Set(Array.from('（「《—'));
/** What a break inside a phrase costs a balanced heading, in ems of imbalance. */
const MID_PHRASE_COST_EM = 8;

/**
 * A two-line heading split where its lines come out most even, preferring a break between
 * phrases (before 「（2025年…）」 or 「——存在过错」) to one inside a word; undefined when no
 * split fits on two lines.
 */
export function balanceTwoLines(items: readonly BreakItem[], widthOf: (line: number) => number, em: number): LineRange[] | undefined {
  const sums = new Sums(items);
  const n = items.length;
  let best: { lines: LineRange[]; cost: number } | undefined;
  for (let b = 1; b < n; b++) {
    const before = items[b - 1] as BreakItem;
    const after = items[b] as BreakItem;
    if (!canBreakBetween(before, after)) continue;
    const first = { start: 0, end: trimEnd(items, 0, b) };
    const second = { start: skipSpaces(items, b), end: trimEnd(items, 0, n) };
    const w1 = sums.natural(first.start, first.end);
    const w2 = sums.natural(second.start, second.end);
    if (w1 > widthOf(0) + EPSILON || w2 > widthOf(1) + EPSILON || second.start >= second.end) continue;
    const phrase = PHRASE_END.has(lastChar(before.text)) || PHRASE_START.has(firstChar(after.text));
    const cost = Math.abs(w1 - w2) + (phrase ? 0 : MID_PHRASE_COST_EM * em);
    if (!best || cost < best.cost - EPSILON) best = { lines: [first, second], cost };
  }
  return best?.lines;
}
