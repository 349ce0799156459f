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
  if (text.length === 1) return text;
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
  if (a.cls === 'word' && b.cls === 'word') return false;
  // A range's or a standard's dash holds its numbers (0095—2021, 56%～95%) like a letter.
  if ((a.cls === 'word' && RANGE_MARKS.has(b.text)) || (b.cls === 'word' && RANGE_MARKS.has(a.text))) return false;
  // 「——」 and 「……」 are one mark two ems long: a gap would draw two dashes (clreq §3.1.7).
  return !(a.text === b.text && NO_SPLIT_PAIRS.has(a.text));
}

/** A break that is allowed but taken only when it saves this much badness (≈ ⅛ em of gap). */
export const POOR_BREAK = 0.5;

/** Marks that join the two numbers of a range or a standard's code and year (56%～95%, 0095—2021). */
const RANGE_MARKS = new Set(Array.from('—–～~-'));
const NUMBER_END = /[\d%‰℃]$/u;
const DIGIT_START = /^\d/u;
/** What may follow a number and a space as its unit, or the next digit group (170 cm, 18 600). */
const UNIT_START = /^[A-Za-zµμ℃%°\d]/u;
/** A standard's prefix: its number follows after a space and stays with it (GB/T 16180, SF/T 0095). */
const STANDARD_PREFIX = /^(?:[A-Z]{1,4}\/[A-Z]|GB|YY|WS)$/u;
/** A measurement's short Latin label (BP, HR, CK, WBC): better kept with its value. */
const LABEL = /^[A-Za-z]{1,5}$/u;
const CJK_LETTER = /^[\p{sc=Han}]/u;
const ANONYMOUS = '某';

function textAt(items: readonly BreakItem[], i: number): string {
  return items[i]?.text ?? '';
}

/** The Latin word (digits, letters, signs) that ends at item `end`, read across 'word' items. */
function wordEndingAt(items: readonly BreakItem[], end: number): string {
  let i = end;
  while (i >= 0 && items[i]?.cls === 'word') i--;
  return items.slice(i + 1, end + 1).map((item) => item.text).join('');
}

function wordStartingAt(items: readonly BreakItem[], start: number): string {
  let i = start;
  while (i < items.length && items[i]?.cls === 'word') i++;
  return items.slice(start, i).map((item) => item.text).join('');
}

/** A range mark at `i` between a number before and a number or code after (「56%～95%」「431—2023」「V1～V4」). */
function isRangeMarkAt(items: readonly BreakItem[], i: number): boolean {
  const after = items[i + 1];
  return RANGE_MARKS.has(textAt(items, i)) && NUMBER_END.test(textAt(items, i - 1)) && after?.cls === 'word' && /^[\dA-Za-z]/u.test(after.text);
}

/**
 * What a line break before items[pos] costs beyond the pairwise 禁则: 0 when free, POOR_BREAK
 * when it separates what reads as one (2026|年, 第2、|3天, BP|136/84), Infinity when refused:
 * a number from its Latin unit, a standard's prefix from its number, either side of a range's
 * dash, and a lone 「—」 at a line's start.
 */
export function breakCost(items: readonly BreakItem[], pos: number): number {
  const a = items[pos - 1];
  const b = items[pos];
  if (!a || !b || !canBreakBetween(a, b)) return Infinity;
  const next = b.text;
  // Anonymised names and places (卢某, 沈某某, 某某市) read as one word; the tree does not mark names.
  if (next === ANONYMOUS) return Infinity;
  if (next === '—' && textAt(items, pos + 1) !== '—' && textAt(items, pos - 1) !== '—') return Infinity;
  let p = pos - 1;
  while (p >= 0 && items[p]?.cls === 'space') p--;
  if (p < 0) return 0;
  if (isRangeMarkAt(items, p) || isRangeMarkAt(items, pos)) return Infinity;
  const prev = items[p] as BreakItem;
  if (p < pos - 1 && prev.cls === 'word' && b.cls === 'word') {
    const before = wordEndingAt(items, p);
    const after = wordStartingAt(items, pos);
    if (/\d$/u.test(before) && UNIT_START.test(after)) return Infinity;
    if (STANDARD_PREFIX.test(before) && DIGIT_START.test(after)) return Infinity;
    if (LABEL.test(before) && DIGIT_START.test(after)) return POOR_BREAK;
    return 0;
  }
  if (prev.cls === 'word' && /[A-Za-z\d-]$/u.test(prev.text) && CJK_LETTER.test(next)) return POOR_BREAK;
  if (prev.text === '、' && /\d$/u.test(textAt(items, p - 1)) && DIGIT_START.test(next)) return POOR_BREAK;
  return 0;
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
  /** Score every possible line, not only those within the greedy fill's demerits: the same breaks, slower (tests compare the two). */
  exhaustive?: boolean;
}

/** The widest inter-character gap justification may open before other remedies, in ems. */
export const LOOSE_GAP_EM = 0.25;

const EPSILON = 1e-6;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;

const punctuationMemo = new Map<string, boolean>();

/** PUNCTUATION.test, remembered per text: a paragraph repeats a few dozen marks thousands of times. */
function isPunctuation(text: string): boolean {
  const code = text.length === 1 ? text.charCodeAt(0) : 0;
  if (code >= 0x4e00 && code <= 0x9fff) return false; // CJK Unified Ideographs, the common case
  let known = punctuationMemo.get(text);
  if (known === undefined) {
    known = PUNCTUATION.test(text);
    if (punctuationMemo.size < 4096) punctuationMemo.set(text, known);
  }
  return known;
}

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
  /** breakCost before each item (index 0 unused). */
  readonly cost: Float64Array;

  /** Characters counted by lettersIn, a word continued from the item before not counted again. */
  private readonly letterCount: Int32Array;
  /** Whether each item is a letter lettersIn counts only at a line's start (a word's continuation). */
  private readonly continuation: Uint8Array;

  constructor(readonly items: readonly BreakItem[], readonly edges = false) {
    const n = items.length;
    this.width = new Float64Array(n + 1);
    this.shrink = new Float64Array(n + 1);
    this.gaps = new Float64Array(n + 1);
    this.cost = new Float64Array(n + 1);
    this.letterCount = new Int32Array(n + 1);
    this.continuation = new Uint8Array(n);
    for (let i = 1; i < n; i++) this.cost[i] = breakCost(items, i);
    for (let i = 0; i < n; i++) {
      const item = items[i] as BreakItem;
      const next = items[i + 1];
      this.width[i + 1] = (this.width[i] ?? 0) + item.width;
      this.shrink[i + 1] = (this.shrink[i] ?? 0) + (item.shrink ?? 0);
      this.gaps[i + 1] = (this.gaps[i] ?? 0) + (next && isStretchableGap(item, next) ? 1 : 0);
      const letter = item.cls !== 'space' && !isPunctuation(item.text);
      const continues = letter && item.cls === 'word' && items[i - 1]?.cls === 'word';
      this.continuation[i] = continues ? 1 : 0;
      this.letterCount[i + 1] = (this.letterCount[i] ?? 0) + (letter && !continues ? 1 : 0);
    }
  }

  /** lettersIn(items, start, end) in O(1). */
  letters(start: number, end: number): number {
    if (end <= start) return 0;
    return (this.letterCount[end] ?? 0) - (this.letterCount[start] ?? 0) + (this.continuation[start] ?? 0);
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

/**
 * A candidate end for a line starting at `start`: badness 0 (perfect) … 1 (at a limit), above
 * 1 loose; score adds the cost of the break itself.
 */
interface Candidate {
  end: number;
  next: number;
  badness: number;
  score: number;
}

function candidate(sums: Sums, start: number, cut: number, width: number, em: number): Candidate {
  const end = trimEnd(sums.items, start, cut);
  const next = skipSpaces(sums.items, cut);
  const cost = cut < sums.items.length ? Math.min(sums.cost[cut] ?? 0, POOR_BREAK) : 0;
  const badness = badnessOf(sums, start, end, width, em);
  return { end, next, badness, score: badness + cost };
}

/** Badness of the line [start, end) set `width` wide: compression over what the marks can give, or stretch over the gap limit. */
function badnessOf(sums: Sums, start: number, end: number, width: number, em: number): number {
  const natural = sums.natural(start, end);
  if (natural > width + EPSILON) {
    const shrink = natural - sums.tight(start, end);
    return shrink > 0 ? (natural - width) / shrink : Infinity;
  }
  return sums.stretchPerGap(start, end, width) / (LOOSE_GAP_EM * em);
}

/** The last break up to which a line fits, naturally and with compressed punctuation, free or at any cost. */
interface Fits {
  natural?: number;
  tight?: number;
  naturalFree?: number;
  tightFree?: number;
}

/**
 * The end of the line starting at `start`: the last break that fits naturally (push out,
 * then justified by stretching) or the last that fits with compressed punctuation (pull in),
 * whichever departs less from natural spacing relative to its limit.
 */
function chooseEnd(sums: Sums, start: number, width: number, em: number, preferTight: boolean): Candidate {
  const items = sums.items;
  const fits: Fits = {};
  let i = start;
  for (; i < items.length; i++) {
    const item = items[i] as BreakItem;
    if (item.cls !== 'space' && i > start && sums.tight(start, i + 1) > width + EPSILON) break;
    const cost = i + 1 < items.length ? (sums.cost[i + 1] ?? 0) : 0;
    if (cost === Infinity) continue;
    const fitsNaturally = sums.natural(start, trimEnd(items, start, i + 1)) <= width + EPSILON;
    if (fitsNaturally) fits.natural = i + 1;
    fits.tight = i + 1;
    if (cost === 0 && fitsNaturally) fits.naturalFree = i + 1;
    if (cost === 0) fits.tightFree = i + 1;
  }
  if (fits.natural === undefined && fits.tight === undefined) {
    // Nothing fits whole: cut the over-long unit by character, as before.
    const cut = Math.max(start + 1, i);
    return candidate(sums, start, cut, width, em);
  }
  return bestOf(sums, start, width, em, fits, preferTight);
}

/**
 * Of pushing out (natural fit, stretched) and pulling in (compressed), free breaks and poor
 * ones, the candidate with the lowest score; the first listed wins a tie. preferTight takes
 * a pulled-in line whenever there is one (to swallow a runt).
 */
function bestOf(sums: Sums, start: number, width: number, em: number, fits: Fits, preferTight: boolean): Candidate {
  const cuts = preferTight && fits.tight !== undefined && fits.tight !== fits.natural ? [fits.tight, fits.tightFree] : [fits.natural, fits.tight, fits.naturalFree, fits.tightFree];
  let best: Candidate | undefined;
  for (const cut of cuts) {
    if (cut === undefined || cut <= start) continue;
    const c = candidate(sums, start, cut, width, em);
    if (!best || c.score < best.score - EPSILON) best = c;
  }
  return best ?? candidate(sums, start, (fits.tight ?? fits.natural) as number, width, em);
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

/**
 * Characters of real text in [start, end): each ideograph counts, a Latin word or number
 * counts once (「15%）。」 is one), punctuation and spaces not.
 */
function lettersIn(items: readonly BreakItem[], start: number, end: number): number {
  let letters = 0;
  for (let i = start; i < end; i++) {
    const item = items[i] as BreakItem;
    if (item.cls === 'space' || isPunctuation(item.text)) continue;
    const continuesWord = item.cls === 'word' && items[i - 1]?.cls === 'word' && i > start;
    if (!continuesWord) letters++;
  }
  return letters;
}

/** A last line with fewer than two characters besides punctuation (「错；」, 「15%）。」). */
export function isRuntLine(items: readonly BreakItem[], range: LineRange): boolean {
  return lettersIn(items, range.start, range.end) < 2;
}

function endsInRunt(sums: Sums, lines: readonly LineRange[]): boolean {
  const last = lines[lines.length - 1];
  return lines.length > 1 && !!last && sums.letters(last.start, last.end) < 2;
}

/** Pushes characters from the next-to-last line down until the last line is no runt, within the gap limit. */
function pushIntoLastLine(sums: Sums, lines: LineRange[], widthOf: (line: number) => number, em: number): LineRange[] | undefined {
  const items = sums.items;
  const n = lines.length;
  const prev = lines[n - 2] as LineRange;
  const width = widthOf(n - 2);
  for (let cut = prev.end - 1; cut > prev.start + 1; cut--) {
    if ((sums.cost[cut] ?? 0) === Infinity) continue;
    const head = candidate(sums, prev.start, cut, width, em);
    if (head.badness > 1) return undefined; // the line above would go loose: keep the runt
    const last = { start: head.next, end: trimEnd(items, head.next, items.length) };
    if (sums.natural(last.start, last.end) > widthOf(n - 1) + EPSILON) return undefined;
    if (sums.letters(last.start, last.end) >= 2) return [...lines.slice(0, n - 2), { start: prev.start, end: head.end }, last];
  }
  return undefined;
}

/** Demerits of a break that separates what reads as one (2026|年), against a line's badness squared. */
const POOR_BREAK_DEMERITS = 0.25;
/** Demerits of a runt last line: worth a visibly looser or tighter paragraph. */
const RUNT_DEMERITS = 4;
/** Badness beyond the limit (a gap over ¼ em, or more compression than the marks have) costs this much more per unit. */
const OVER_LIMIT_DEMERITS = 10;

function lineDemerits(badness: number): number {
  if (badness === Infinity) return Infinity;
  return badness * badness + Math.max(0, badness - 1) * OVER_LIMIT_DEMERITS;
}

/**
 * Total-fit line breaking (Knuth–Plass over this breaker's badness): the breaks whose lines
 * together depart least from natural spacing, so one line does not go loose because an
 * earlier line took a word a better break would have left (「SF/T 0095—2021」 pushed whole).
 * Undefined when some unit is wider than a line: the greedy fill then cuts it.
 *
 * `bound` is the demerits of a known way to break the paragraph (the greedy fill's): a line
 * whose stretch alone would take a path past it cannot be on the best path, so it is not
 * scored, and a start reached only past it is not tried. The result is the same as without
 * the bound; only the hopeless short lines are skipped.
 */
function fillOptimal(sums: Sums, widthOf: (line: number) => number, em: number, avoidRunts: boolean, bound = Infinity): LineRange[] | undefined {
  const items = sums.items;
  const n = items.length;
  if (n === 0) return [{ start: 0, end: 0 }]; // an empty paragraph (a blank line, an empty cell) is still one line
  const best = new Float64Array(n + 1).fill(Infinity);
  const from = new Int32Array(n + 1).fill(-1);
  const ends = new Int32Array(n + 1);
  const limit = bound + BOUND_MARGIN;
  best[0] = 0;
  for (let start = 0; start < n; start = nextStart(best, start, n)) {
    const base = best[start] as number;
    if (base > limit) continue;
    const width = widthOf(start === 0 ? 0 : 1);
    // Stretch per gap beyond which a line's demerits alone exceed what the bound leaves.
    const maxStretch = stretchWithin(limit - base) * LOOSE_GAP_EM * em;
    for (let cut = start + 1; cut <= n; cut++) {
      const end = items[cut - 1]?.cls === 'space' ? trimEnd(items, start, cut) : cut;
      // A line too loose is shorter than the measure, so it cannot be the one that ends the loop.
      if (cut < n && tooLoose(sums, start, end, width, maxStretch)) continue;
      if (end > start && sums.tight(start, end) > width + EPSILON) break;
      if (cut < n && (sums.cost[cut] ?? 0) === Infinity) continue; // also before a space: the break goes after it
      // The next line starts at the cut: spaces were skipped above (cut is never one).
      const demerits = base + segmentDemerits(sums, start, end, cut, width, em, avoidRunts);
      if (demerits < (best[cut] ?? Infinity) - EPSILON) {
        best[cut] = demerits;
        from[cut] = start;
        ends[cut] = end;
      }
    }
  }
  if (best[n] === Infinity) return undefined;
  const lines: LineRange[] = [];
  for (let at = n; at > 0; at = from[at] ?? 0) {
    if ((from[at] ?? -1) < 0) return undefined;
    lines.unshift({ start: from[at] as number, end: ends[at] as number });
  }
  return lines;
}

function nextStart(best: Float64Array, start: number, n: number): number {
  let i = start + 1;
  while (i < n && best[i] === Infinity) i++;
  return i;
}

/** Demerits of the line [start, end) whose successor starts at `next` (n: it is the last). */
function segmentDemerits(sums: Sums, start: number, end: number, next: number, width: number, em: number, avoidRunts: boolean): number {
  if (next >= sums.items.length) {
    const squeeze = sums.natural(start, end) > width + EPSILON ? badnessOf(sums, start, end, width, em) : 0;
    const runt = avoidRunts && start > 0 && sums.letters(start, end) < 2 ? RUNT_DEMERITS : 0;
    return lineDemerits(squeeze) + runt;
  }
  const poor = (sums.cost[next] ?? 0) > 0 ? POOR_BREAK_DEMERITS : 0;
  return lineDemerits(badnessOf(sums, start, end, width, em)) + poor;
}

/** Slack above the bound: far above rounding, far below any real difference in demerits. */
const BOUND_MARGIN = 1e-3;

/** The largest badness whose line demerits stay within `room` (inverse of lineDemerits). */
function stretchWithin(room: number): number {
  if (room === Infinity) return Infinity;
  if (room <= 1) return Math.sqrt(Math.max(0, room));
  // b² + 10(b − 1) = room  ⇒  b = −5 + √(25 + 10 + room)
  return -OVER_LIMIT_DEMERITS / 2 + Math.sqrt((OVER_LIMIT_DEMERITS / 2) ** 2 + OVER_LIMIT_DEMERITS + room);
}

/** Whether the non-final line [start, end) would stretch its gaps by more than `maxStretch` points. */
function tooLoose(sums: Sums, start: number, end: number, width: number, maxStretch: number): boolean {
  if (maxStretch === Infinity) return false;
  const extra = width - sums.natural(start, end);
  if (extra <= EPSILON) return false;
  const gaps = sums.gapCount(start, end);
  // Strictly beyond, with room for rounding: a line at the limit is still scored.
  return gaps === 0 || extra > maxStretch * gaps * (1 + 1e-9) + EPSILON;
}

/** Demerits of the breaks `lines` as fillOptimal would score them, or Infinity when it would not consider one of them. */
function pathDemerits(sums: Sums, lines: readonly LineRange[], widthOf: (line: number) => number, em: number, avoidRunts: boolean): number {
  const items = sums.items;
  const n = items.length;
  let total = 0;
  for (let k = 0; k < lines.length; k++) {
    const { start } = lines[k] as LineRange;
    const next = k + 1 < lines.length ? (lines[k + 1] as LineRange).start : n;
    if (next < n && ((sums.cost[next] ?? 0) === Infinity || next <= start)) return Infinity;
    const width = widthOf(start === 0 ? 0 : 1);
    for (let cut = start + 1; cut <= next; cut++) {
      const end = trimEnd(items, start, cut);
      if (end > start && sums.tight(start, end) > width + EPSILON) return Infinity;
    }
    total += segmentDemerits(sums, start, trimEnd(items, start, next), next, width, em, avoidRunts);
  }
  return total;
}

/**
 * Line breaking. `widthOf(n)` is the measure of the n-th line (the first is shorter by the
 * indent). A unit wider than a whole line (a long word) is cut by character.
 */
export function breakLines(items: readonly BreakItem[], widthOf: (line: number) => number, options: BreakOptions = {}): LineRange[] {
  return breakSums(new Sums(items, options.compressLineEdges), widthOf, options);
}

/** breakLines over sums already built, so repeated trials on one paragraph share them. */
function breakSums(sums: Sums, widthOf: (line: number) => number, options: BreakOptions): LineRange[] {
  const em = options.em ?? Infinity;
  const greedy = fill(sums, widthOf, em, false);
  const avoid = options.avoidRunts ?? false;
  const bound = em === Infinity || options.exhaustive ? Infinity : pathDemerits(sums, greedy, widthOf, em, avoid);
  const optimal = em < Infinity ? fillOptimal(sums, widthOf, em, avoid, bound) : undefined;
  const lines = optimal ?? greedy;
  if (!options.avoidRunts || !endsInRunt(sums, lines)) return lines;
  // Pull first: compressing punctuation on the lines above may take the runt in.
  const pulled = fill(sums, widthOf, em, true);
  if (!endsInRunt(sums, pulled)) return pulled;
  return pushIntoLastLine(sums, lines, widthOf, em) ?? lines;
}

/** Breaks that fall between phrases: after a pause mark or a space, before a bracket or dash. */
const PHRASE_END = new Set(Array.from('，、：；）」》 '));
const PHRASE_START = new Set(Array.from('（「《—'));
/** What a break inside a phrase costs a balanced title, in ems of imbalance. */
const MID_PHRASE_COST_EM = 8;
/** A heading's line holds at least this many characters: 「（一）」 or 「撕裂」 alone looks lost. */
const MIN_HEADING_LINE = 4;

/** Whether a free break before items[b] falls between phrases (after 「：」「、」, before 「（」「——」). */
function isPhraseBreak(sums: Sums, b: number): boolean {
  const before = sums.items[b - 1];
  const after = sums.items[b];
  if (!before || !after || sums.cost[b] !== 0) return false;
  return PHRASE_END.has(lastChar(before.text)) || PHRASE_START.has(firstChar(after.text));
}

/** The two lines a break before items[b] makes, or undefined when they do not fit. */
function twoLinesAt(sums: Sums, b: number, widthOf: (line: number) => number): { lines: LineRange[]; w1: number; w2: number } | undefined {
  const items = sums.items;
  const first = { start: 0, end: trimEnd(items, 0, b) };
  const second = { start: skipSpaces(items, b), end: trimEnd(items, 0, items.length) };
  const w1 = sums.natural(first.start, first.end);
  const w2 = sums.natural(second.start, second.end);
  if (w1 > widthOf(0) + EPSILON || w2 > widthOf(1) + EPSILON || second.start >= second.end) return undefined;
  return { lines: [first, second], w1, w2 };
}

/**
 * A two-line title split where its lines come out most even, preferring a break between
 * phrases to one inside a word; undefined when no split fits on two lines.
 */
function balanceTwoLines(sums: Sums, widthOf: (line: number) => number, em: number): LineRange[] | undefined {
  const items = sums.items;
  let best: { lines: LineRange[]; cost: number } | undefined;
  for (let b = 1; b < items.length; b++) {
    if ((sums.cost[b] ?? 0) === Infinity) continue;
    const two = twoLinesAt(sums, b, widthOf);
    if (!two) continue;
    const cost = Math.abs(two.w1 - two.w2) + (isPhraseBreak(sums, b) ? 0 : MID_PHRASE_COST_EM * em);
    if (!best || cost < best.cost - EPSILON) best = { lines: two.lines, cost };
  }
  return best?.lines;
}

/**
 * Breaks a centred title into as many lines as the full width needs, of similar length (no
 * lone word below): two lines split evenly between phrases; more on the narrowest measure
 * that still needs no more lines, found by bisection over one set of sums. Left-aligned
 * headings are filled instead (breakHeading).
 */
export function breakTitle(items: readonly BreakItem[], widthOf: (line: number) => number, options: BreakOptions = {}): LineRange[] {
  const sums = new Sums(items, options.compressLineEdges);
  const full = breakSums(sums, widthOf, options);
  if (full.length < 2) return full;
  const two = full.length === 2 ? balanceTwoLines(sums, widthOf, options.em ?? 0) : undefined;
  if (two) return two;
  let lo = 0.4;
  let hi = 1;
  for (let step = 0; step < 16; step++) {
    const mid = (lo + hi) / 2;
    const trial = breakSums(sums, (n) => widthOf(n) * mid, options);
    if (trial.length > full.length) lo = mid;
    else hi = mid;
  }
  return breakSums(sums, (n) => widthOf(n) * hi, options);
}

/** The most even two-line split at a phrase break, each line a few characters at least. */
function phraseTwoLines(sums: Sums, widthOf: (line: number) => number): LineRange[] | undefined {
  const items = sums.items;
  let best: { lines: LineRange[]; cost: number } | undefined;
  for (let b = 1; b < items.length; b++) {
    if (!isPhraseBreak(sums, b)) continue;
    const two = twoLinesAt(sums, b, widthOf);
    if (!two || two.lines.some((l) => sums.letters(l.start, l.end) < MIN_HEADING_LINE)) continue;
    const cost = Math.abs(two.w1 - two.w2);
    if (!best || cost < best.cost - EPSILON) best = { lines: two.lines, cost };
  }
  return best?.lines;
}

/** Moves the last break back until the last line holds MIN_HEADING_LINE characters, free breaks first. */
function lengthenLastLine(sums: Sums, lines: LineRange[], widthOf: (line: number) => number): LineRange[] {
  const items = sums.items;
  const n = lines.length;
  const last = lines[n - 1] as LineRange;
  if (n < 2 || sums.letters(last.start, last.end) >= MIN_HEADING_LINE) return lines;
  const prev = lines[n - 2] as LineRange;
  for (const acceptable of [0, POOR_BREAK]) {
    for (let cut = prev.end - 1; cut > prev.start; cut--) {
      if ((sums.cost[cut] ?? 0) > acceptable) continue;
      const tail = { start: skipSpaces(items, cut), end: last.end };
      if (sums.natural(tail.start, tail.end) > widthOf(n - 1) + EPSILON) break;
      const head = { start: prev.start, end: trimEnd(items, prev.start, cut) };
      if (sums.letters(tail.start, tail.end) >= MIN_HEADING_LINE && sums.letters(head.start, head.end) >= MIN_HEADING_LINE) {
        return [...lines.slice(0, n - 2), head, tail];
      }
    }
  }
  return lines;
}

/**
 * A left-aligned heading: split between phrases into two even lines where such a break
 * exists (「……医院：」 | 「……——存在过错」); otherwise filled line by line, as body text,
 * with a last line of a few characters at least. Balancing without a phrase break would cut
 * a word (「撕|裂」) and leave the first line half empty.
 */
export function breakHeading(items: readonly BreakItem[], widthOf: (line: number) => number, options: BreakOptions = {}): LineRange[] {
  const sums = new Sums(items, options.compressLineEdges);
  const filled = fill(sums, widthOf, options.em ?? Infinity, false);
  if (filled.length < 2) return filled;
  const phrased = filled.length === 2 ? phraseTwoLines(sums, widthOf) : undefined;
  return phrased ?? lengthenLastLine(sums, filled, widthOf);
}
