/** "Did you mean": the known name nearest to a wrong one, and the list of what is allowed. */
import { closest, distance } from 'fastest-levenshtein';

/** The nearest known name, when it is near enough to be a likely typo. */
export function nearest(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const guess = closest(name.toLowerCase(), [...known]);
  return distance(name.toLowerCase(), guess.toLowerCase()) <= Math.max(2, Math.floor(guess.length / 3)) ? guess : undefined;
}

/** 「是否应为「x」？可用的 helper：a、b、c」, in Chinese and English. */
export function allowed(name: string, known: readonly string[], what: { zh: string; en: string }, show = (s: string) => s): { hint: string; hintEn: string } {
  const guess = nearest(name, known);
  const list = [...known].sort();
  return {
    hint: `${guess ? `是否应为「${show(guess)}」？` : ''}可用的${what.zh}：${list.map(show).join('、')}`,
    hintEn: `${guess ? `did you mean "${show(guess)}"? ` : ''}known ${what.en}: ${list.map(show).join(', ')}`,
  };
}
