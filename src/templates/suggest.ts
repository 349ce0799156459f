/** "Did you mean": the known name nearest to a wrong one, and the list of what is allowed. */
import { nearestName } from '../schema/suggest.js';

/** The nearest known name, when it is near enough to be a likely typo (case aside: Cnum → cnum). */
export const nearest = (name: string, known: readonly string[]): string | undefined => nearestName(name.toLowerCase(), known);

/** 「是否应为「x」？可用的 helper：a、b、c」, in Chinese and English. */
export function allowed(name: string, known: readonly string[], what: { zh: string; en: string }, show = (s: string) => s): { hint: string; hintEn: string } {
  const guess = nearest(name, known);
  const list = [...known].sort();
  return {
    hint: `${guess ? `是否应为「${show(guess)}」？` : ''}可用的${what.zh}：${list.map(show).join('、')}`,
    hintEn: `${guess ? `did you mean "${show(guess)}"? ` : ''}known ${what.en}: ${list.map(show).join(', ')}`,
  };
}
