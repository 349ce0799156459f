/**
 * 「是否为 …？」: the value or field name most likely meant. Levenshtein catches typos in codes
 * and Chinese alike (次要作 → 次要作用); containment catches the shortened or lengthened Chinese
 * term (次要 → 次要因素, 委托人姓名 → 委托人), which edit distance ranks poorly for short words.
 * A guess is offered only when it points at one meaning: 「因素」 fits six causal shares, so none.
 */
import { closest, distance as levenshtein } from 'fastest-levenshtein';
import type { EnumChoices } from './primitives.js';

/** The nearest of a list of names (fields, helpers, tags), when it is close enough to be a typo. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const guess = closest(name, [...known]);
  return levenshtein(name, guess) <= Math.max(2, Math.floor(guess.length / 3)) ? guess : undefined;
}

/**
 * Edit distance counting two swapped neighbours as one slip (mnior → minor), as typing makes
 * them; plain Levenshtein counts two and ties minor with major. Words here are a few characters.
 */
export function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** A word a user might have meant, and what it stands for (an enum code, a field key). */
export interface Candidate { word: string; meaning: string }

/** Case and full-width forms (ＭＩＮＯＲ) do not make a different word. */
const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/**
 * Close enough to be a slip of the pen: about a third of the word may differ. A code of four or
 * more letters may also have two swapped (mnior); a Chinese term of three characters only one.
 */
const closeEnough = (d: number, word: string) => d <= Math.max(/^[\x00-\x7f]{4,}$/.test(word) ? 2 : 1, Math.floor(word.length / 3));

/** The best candidates by a score (lower is better), or none when they mean different things. */
function unique(scored: { c: Candidate; score: number }[]): Candidate | undefined {
  if (scored.length === 0) return undefined;
  const best = Math.min(...scored.map((s) => s.score));
  const top = scored.filter((s) => s.score === best).map((s) => s.c);
  return new Set(top.map((c) => c.meaning)).size === 1 ? top[0] : undefined;
}

function byContainment(input: string, candidates: Candidate[]): Candidate | undefined {
  // Containment means something only for words of two or more characters (「无」 is in everything).
  if ([...input].length < 2) return undefined;
  const hits = candidates.filter((c) => c.word.length >= 2 && (c.word.includes(input) || input.includes(c.word)));
  return unique(hits.map((c) => ({ c, score: Math.abs(c.word.length - input.length) })));
}

function byDistance(input: string, candidates: Candidate[]): Candidate | undefined {
  const scored = candidates.map((c) => ({ c, score: distance(input, fold(c.word)) })).filter((s) => closeEnough(s.score, s.c.word));
  return unique(scored);
}

/** Longer than any code, term or field name by far. */
const MAX_INPUT = 40;

/** The candidate most likely meant by the input, if one stands out. */
export function nearest(input: string, candidates: Candidate[]): Candidate | undefined {
  const text = fold(input);
  // A paragraph pasted into a code field is no slip of the pen, and would cost time to compare.
  if (text === '' || text.length > MAX_INPUT) return undefined;
  const exact = candidates.find((c) => fold(c.word) === text);
  if (exact) return exact;
  return byDistance(text, candidates) ?? byContainment(text, candidates);
}

/** Codes and Chinese aliases of an enumeration as candidates, each meaning its code. */
export function enumCandidates(choices: EnumChoices): Candidate[] {
  return [...choices.codes.map((code) => ({ word: code, meaning: code })), ...Object.entries(choices.aliases).map(([word, code]) => ({ word, meaning: code }))];
}

/** The first Chinese alias of each code: the term to show for it. */
function chineseFor(choices: EnumChoices, code: string): string | undefined {
  return Object.entries(choices.aliases).find(([, c]) => c === code)?.[0];
}

/** 「次要作用」（minor）: a suggested value as written, with the code it stands for. */
export function shownValue(choices: EnumChoices, c: Candidate): string {
  return c.word === c.meaning ? `「${c.word}」${chineseFor(choices, c.word) ? `（${chineseFor(choices, c.word)}）` : ''}` : `「${c.word}」（${c.meaning}）`;
}

/** The choices compactly, Chinese first: 完全因素（complete）、主要因素（major）…, one entry per code. */
export function choicesText(choices: EnumChoices): string {
  const list = choices.codes.map((code) => {
    const zh = chineseFor(choices, code);
    return zh ? `${zh}（${code}）` : code;
  });
  const more = Object.keys(choices.aliases).length > choices.codes.length ? '，或其他同义的中文写法' : '';
  return `${list.join('、')}${more}`;
}
