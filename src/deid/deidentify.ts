/**
 * deidentify(case, options) → { case, report }: a validated case with its personal data replaced
 * consistently everywhere (both files are drawn from it), and what was replaced. Pure: no I/O.
 *
 * Two passes over every string: the first finds names and institutions (listed in fields or
 * found by context) and gives each one pseudonym; the second replaces, so a name found in one
 * paragraph (助产士李秀英) is also replaced where it stands without a title.
 */
import type { Case } from '../schema/case.js';
import { shiftIso, shiftTextDates } from './dates.js';
import { detect, occurrences } from './detect.js';
import { Pseudonyms } from './pseudonyms.js';
import { Ledger, type DeidReport } from './report.js';
import { applySpans, resolveOverlaps, type Span } from './spans.js';
import { deidentifyFields, listedPeople, type Fixed } from './structured.js';
import { kindOf } from './institutions.js';
import { surnameAt } from './personNames.js';
import { isMasked } from './text.js';
import { mapStrings, stringsOf } from './walk.js';

export interface DeidOptions {
  /** Move every date of the case by this many days (0 or absent: dates kept). */
  shiftDays?: number;
  /** Reviewed strings that are not personal data though a detector flags them (config deid.allow). */
  allow?: readonly string[];
}

export interface Deidentified { case: Case; report: DeidReport; originals: { category: Span['category']; text: string }[] }

const isName = (n: string) => /^\p{Script=Han}{2,4}$/u.test(n) && surnameAt(n, 0) !== undefined;

/** 黄建华表示鼓楼医院 → 鼓楼医院: an institution's guessed start never swallows a person of the case. */
function afterPersons(x: Span, persons: string[]): Span | undefined {
  if (x.category !== 'institution') return x;
  const cut = Math.max(...persons.map((n) => { const at = x.text.lastIndexOf(n); return at < 0 ? 0 : at + n.length; }), 0);
  if (cut === 0) return x;
  const rest = x.text.slice(cut);
  return rest.length - (kindOf(rest)?.kind.length ?? 1) >= 2 ? { ...x, start: x.start + cut, text: rest } : undefined;
}

/** 入住南京市第一医院 guessed too wide: a listed name at its end is the name. */
function toListed(x: Span, listed: string[]): Span {
  const name = x.category === 'institution' ? listed.find((l) => x.text.length > l.length && x.text.endsWith(l)) : undefined;
  return name ? { ...x, start: x.end - name.length, text: name } : x;
}

function pseudonymsOf(c: Case, strings: string[], found: Map<string, Span[]>): Pseudonyms {
  const listed = listedPeople(c);
  const discovered = strings.flatMap((s) => found.get(s)!.filter((x) => x.category === 'person' && surnameAt(x.text, 0) !== x.text).map((x) => x.text));
  const persons = [...new Set([...listed.filter((n) => !isMasked(n) && isName(n)), ...discovered])];
  const listedInstitutions = c.basicInfo.medicalInstitutions.map((m) => m.name.trim()).filter((n) => !isMasked(n));
  for (const [s, spans] of found) found.set(s, spans.map((x) => afterPersons(toListed(x, listedInstitutions), persons)).filter((x): x is Span => x !== undefined));
  const p = new Pseudonyms(persons, listed.filter((n) => isMasked(n)));
  for (const name of listedInstitutions) p.listInstitution(name);
  for (const s of strings) for (const x of found.get(s)!) if (x.category === 'institution') p.institution(x.text);
  return p;
}

function spansIn(s: string, found: Span[], p: Pseudonyms, fixed: Fixed[], allow: Set<string>, ledger: Ledger): Span[] {
  const known = [
    ...occurrences(s, p.personNames(), 'person'),
    ...occurrences(s, p.institutionNames(), 'institution'),
    ...fixed.flatMap((f) => occurrences(s, [f.original], f.category).map((x) => ({ ...x, replacement: f.replacement }))),
  ];
  // A name the case knows is replaced as that name: a detector's wider guess around it gives way.
  const guesses = found.filter((x) => !known.some((k) => x.start < k.end && k.start < x.end && (x.category === 'person' || x.category === 'institution')));
  return resolveOverlaps([...known, ...guesses]).filter((x) => {
    if (!allow.has(x.text.trim())) return true;
    ledger.allowed.add(x.text.trim());
    return false;
  });
}

function replacementOf(x: Span, p: Pseudonyms): string {
  if (x.replacement !== undefined) return x.replacement;
  if (x.category === 'person') return surnameAt(x.text, 0) === x.text ? p.surname(x.text) : p.person(x.text);
  return p.institution(x.text);
}

/** The year a bare 4月8日 belongs to when no full date precedes it in its paragraph. */
const defaultYear = (c: Case) => Number(c.basicInfo.treatment[0]!.from.slice(0, 4));

export function deidentify(input: Case, options: DeidOptions = {}): Deidentified {
  const c = structuredClone(input);
  const ledger = new Ledger();
  const fixed = deidentifyFields(c, ledger);
  const strings = stringsOf(c);
  const found = new Map(strings.map((s) => [s, detect(s)]));
  const p = pseudonymsOf(c, strings, found);
  const allow = new Set((options.allow ?? []).map((a) => a.trim()));
  const days = options.shiftDays ?? 0;
  const year = defaultYear(c);
  const out = mapStrings(c, (s) => {
    const replaced = applySpans(s, spansIn(s, found.get(s) ?? detect(s), p, fixed, allow, ledger), (x) => {
      const r = replacementOf(x, p);
      ledger.add(x.category, x.text, r);
      return r;
    });
    if (!days) return replaced;
    return /^\d{4}-\d{2}-\d{2}$/.test(replaced) ? shiftIso(replaced, days) : shiftTextDates(replaced, days, year);
  });
  const report = ledger.report(days);
  const originals = report.replacements
    .filter((r) => !(r.category === 'person' && surnameAt(r.original, 0) === r.original) && !r.replacement.includes(r.original))
    .map((r) => ({ category: r.category, text: r.original }));
  return { case: out, report, originals };
}
