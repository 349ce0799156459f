/**
 * A fault's id (F1, F2 …) is the case file's cross-reference, never printed as such: the opinion
 * numbers its faults （一）/1. and a reader finds no 「F2」 in it. Text that names a fault by its id
 * (「与F2共同导致」「（F5）」) would print the code; the author is asked to name the fault instead.
 */
import { formatPath } from '../diagnostics/diagnostic.js';
import { describeField } from '../schema/labels.js';
import { caseStrings } from './caseStrings.js';
import { warning, type Rule } from './rule.js';

/** Only ids shaped like codes (letters and digits, 「F2」「G12」) are looked for: a word would match prose. */
const CODE_LIKE = /^[A-Za-z]{1,3}\d{1,3}$/u;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const idInTextRule: Rule = (c) => {
  const faults = c.faultAnalysis.items.filter((f) => CODE_LIKE.test(f.id));
  if (faults.length === 0) return [];
  const ids = new RegExp(`(?<![A-Za-z0-9])(?:${faults.map((f) => escape(f.id)).join('|')})(?![A-Za-z0-9])`, 'u');
  return caseStrings(c).flatMap(({ text, path }) => {
    // `$schema` (only ever at the top) names the schema file; it is not printed.
    if (path[0] === '$schema') return [];
    // A field that is only the id is a reference (faults: [F1]); an id inside a sentence is printed.
    if (faults.some((f) => f.id === text.trim())) return [];
    const m = ids.exec(text);
    if (!m) return [];
    const fault = faults.find((f) => f.id === m[0])!;
    const where = formatPath(path);
    return [warning('REF_ID_IN_TEXT', where,
      `${describeField(path)}中出现过错项的内部代号「${m[0]}」，文书按（一）/1. 编号，读者看不到这一代号；请改写为该项的内容，例如「前述${fault.conduct}方面的过错」`,
      `${where} prints the internal fault id "${m[0]}"; name the fault by what it is instead`)];
  });
};
