/**
 * Issue 13: every field a case gives is printed, or refused. For each bundled fixture, every text
 * value the case holds appears in the document, but for the fields listed here with their reason.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { buildTree } from '../../src/pipeline/buildTree.js';

/** Printed in another form, or deliberately not printed. */
const NOT_VERBATIM: [RegExp, string][] = [
  [/(^|\.)(id|kind|appraisalType|status|setting|commissionedBy|causation|formation|grade|responsibility|role|sex|capacity|injuryDegree|\$schema)$/, 'a code: printed as its Chinese name'],
  [/(Date|date|from|to)$/, 'a date: printed as 2026年3月5日'],
  [/\.faults\[\d+\]$|\.consequence$|\.institution$/, 'a reference to another item'],
  [/^institution\.(shortName|address|postcode|phone)$/, 'in the document number; contact details on the judicial cover only'],
  [/^(appraisers\[\d+\]|reviewer)\.title$/, 'the 落款 (signature block) lists name and certificate number'],
  [/\.consultation\.agrees$/, 'printed as 采纳 / 部分采纳 / 未予采纳'],
];
/** Replaced by the case's own opinion.conclusions, which the document prints instead. */
const OVERRIDDEN = /^faultAnalysis\.items\[\d+\]\.finding$/;

function leaves(v: unknown, path = ''): [string, string][] {
  if (typeof v === 'string') return [[path, v]];
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, `${path}[${i}]`));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  return [];
}

const squash = (s: string) => s.replace(/\s/g, '');

describe('every text a fixture gives is printed', () => {
  const files = fs.readdirSync('fixtures').filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  it.each(files)('%s', (f) => {
    const r = loadCase(fs.readFileSync(`fixtures/${f}`), f);
    const text = squash(JSON.stringify(buildTree(r.case!, { caseSha256: r.sha256, generator: 't' }).tree));
    const overridden = r.case!.opinion.conclusions !== undefined;
    const missing = leaves(r.case)
      .filter(([path]) => !NOT_VERBATIM.some(([re]) => re.test(path)) && !(overridden && OVERRIDDEN.test(path)))
      // A field's own end mark and typed list number may give way to the sentence and list around it.
      .filter(([, value]) => !text.includes(squash(value).replace(/^\d+\.|[。；，]$/g, '').slice(0, 40)))
      .map(([path, value]) => `${path}: ${value.slice(0, 30)}`);
    expect(missing).toEqual([]);
  });
});
