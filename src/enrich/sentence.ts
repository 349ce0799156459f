/**
 * Composing sentences around the user's text. A field may end with its own punctuation
 * (「…书面告知委托人。」); wrapped into a sentence, it must not double it (「。，」「。。」).
 */

/** Sentence-final and clause-final marks a field may end with, full-width and ASCII. */
const TRAILING = /[\s。．.，,；;：:、！!？?]+$/u;
const LEADING = /^[\s。．.，,；;：:、]+/u;

/** The text as a clause to embed: no trailing punctuation, no leading separator. */
export function clause(text: string): string {
  return text.replace(TRAILING, '').replace(LEADING, '');
}

/** The text as a full sentence: its own question or exclamation mark kept, else one 。. */
export function sentence(text: string): string {
  const trimmed = text.trimEnd();
  if (/[！？!?]$/u.test(trimmed)) return trimmed;
  return `${clause(trimmed)}。`;
}

/** Each paragraph as a full sentence. */
export const sentences = (list: string[]): string[] => list.map(sentence);
