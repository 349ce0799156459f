/** All detectors over one string: the spans that personal data occupies in it. */
import { findAddresses } from './addresses.js';
import { findBirthDates } from './dates.js';
import { findIdentifiers } from './identifiers.js';
import { findInstitutions } from './institutions.js';
import { findPersonNames } from './personNames.js';
import type { Span } from './spans.js';
import { fold } from './text.js';

export function detect(s: string): Span[] {
  const folded = fold(s);
  return [
    ...findIdentifiers(s, folded),
    ...findBirthDates(s, folded),
    ...findAddresses(s, folded),
    ...findInstitutions(s, folded),
    ...findPersonNames(s),
  ];
}

/** Every occurrence of each of `names` (longest first, so 张三丰 wins over 张三). */
export function occurrences(s: string, names: string[], category: Span['category']): Span[] {
  const out: Span[] = [];
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    if (name.length < 2) continue;
    for (let at = s.indexOf(name); at >= 0; at = s.indexOf(name, at + name.length)) out.push({ start: at, end: at + name.length, category, text: name });
  }
  return out;
}
