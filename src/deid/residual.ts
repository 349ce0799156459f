/**
 * The second pass, over what is rendered: anything that still looks like personal data, and any
 * original the first pass replaced. A finding blocks the sample unless deid.allow names its text.
 */
import { insideAnonymisedName } from './institutions.js';
import { detect } from './detect.js';
import { surnameAt } from './personNames.js';
import { resolveOverlaps, type Category } from './spans.js';
import { contextOf, fold } from './text.js';
import type { Finding } from './report.js';

export interface ResidualOptions {
  /** Originals the first pass replaced: none may appear in the output. */
  originals?: { category: Category; text: string }[];
}

const norm = (s: string) => fold(s).replace(/[\s-]/g, '');

/** A bare surname (the 欧阳 of 欧阳某某女士) is not personal data; a surname with a given name is. */
const isBareSurname = (text: string) => surnameAt(text, 0) === text;

/** Where an original still stands; an institution's short form inside an anonymised longer name does not count. */
function occurrence(n: string, o: { category: Category; text: string }): number {
  const needle = norm(o.text);
  for (let at = n.indexOf(needle); at >= 0; at = n.indexOf(needle, at + 1)) {
    if (o.category !== 'institution' || !insideAnonymisedName(n, at)) return at;
  }
  return -1;
}

function originalsIn(text: string, originals: ResidualOptions['originals'] = []): Finding[] {
  const n = norm(text);
  return originals
    // A short number (床号 12) would be found in every dose and date: only originals of some length count.
    .filter((o) => norm(o.text).length >= (/^\d+$/.test(norm(o.text)) ? 5 : 2))
    .flatMap((o) => {
      const at = occurrence(n, o);
      return at < 0 ? [] : [{ category: o.category, text: o.text, context: contextOf(n, at, at + norm(o.text).length) }];
    });
}

/** Every finding in the texts, once per category, text and context. */
export function residualScan(texts: readonly string[], options: ResidualOptions = {}): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const text of texts) {
    const spans = resolveOverlaps(detect(text)).filter((s) => !(s.category === 'person' && isBareSurname(s.text)));
    const found = [...spans.map((s) => ({ category: s.category, text: s.text, context: contextOf(text, s.start, s.end) })), ...originalsIn(text, options.originals)];
    for (const f of found) {
      const key = `${f.category}\u0000${f.text}\u0000${f.context}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(f);
    }
  }
  return out;
}

/** Findings the reviewed allow-list accepts (its exact text) and those that still block the sample. */
export function partitionAllowed(findings: Finding[], allow: readonly string[] = []): { blocking: Finding[]; accepted: Finding[] } {
  const ok = new Set(allow.map((a) => a.trim()));
  return { blocking: findings.filter((f) => !ok.has(f.text.trim())), accepted: findings.filter((f) => ok.has(f.text.trim())) };
}
