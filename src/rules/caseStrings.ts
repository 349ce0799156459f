/**
 * Every string of a case with the path it stands at, in key order: for the rules that look
 * through all of the case's text, whatever field it is in.
 */
import type { Case } from '../schema/case.js';

export interface CaseString {
  text: string;
  path: PropertyKey[];
}

export function caseStrings(c: Case): CaseString[] {
  const out: CaseString[] = [];
  collect(c, [], out);
  return out;
}

function collect(value: unknown, path: PropertyKey[], out: CaseString[]): void {
  if (typeof value === 'string') out.push({ text: value, path });
  else if (Array.isArray(value)) value.forEach((v, i) => collect(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, [...path, k], out);
}
