/**
 * Case files cut short: every fixture and init template is cut inside each of its lines, and each
 * cut that loses content must be refused (an error) or warned about — never pass silently.
 * Cuts exactly at a line end leave complete lines; those cannot all be told from a complete file
 * (see src/parse/completeness.ts), so only the detectable kind is asserted for them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../src/parse/loadCase.js';
import { diagnose } from '../support/check.js';

const FILES = [
  ...fs.readdirSync('fixtures').filter((f) => /\.(ya?ml|json)$/.test(f)).map((f) => path.join('fixtures', f)),
  ...fs.readdirSync('templates/init').filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join('templates/init', f)),
];

/** Cut points inside each line (in characters, so a cut never splits a UTF-8 sequence): its middle and just before its end. */
function midLineCuts(chars: string[]): number[] {
  const cuts: number[] = [];
  let start = 0;
  for (let i = 0; i <= chars.length; i++) {
    if (i < chars.length && chars[i] !== '\n') continue;
    const length = i - start;
    if (length >= 2) cuts.push(start + Math.floor(length / 2), i - 1);
    start = i + 1;
  }
  return cuts;
}

const load = (text: string, file: string) => loadCase(Buffer.from(text), path.basename(file));

describe('truncated case files', () => {
  it('the fixtures and templates themselves end with a newline and draw no warning', () => {
    // Fixture 15 teaches a late report: its one warning is the Art. 26 deadline, not truncation.
    const taught = (d: { code: string }) => d.code !== 'DATE_REPORT_DEADLINE';
    for (const file of FILES) expect(load(fs.readFileSync(file, 'utf8'), file).diagnostics.filter(taught), file).toEqual([]);
  });

  it.each(FILES)('%s: every cut inside a line that loses content is refused or warned', (file) => {
    const chars = [...fs.readFileSync(file, 'utf8')];
    const complete = JSON.stringify(load(chars.join(''), file).case);
    const silent: string[] = [];
    let lossy = 0;
    for (const cut of midLineCuts(chars)) {
      const text = chars.slice(0, cut).join('');
      const r = load(text, file);
      // A cut inside a trailing comment loses nothing: the case is the same.
      if (r.ok && JSON.stringify(r.case) === complete) continue;
      lossy++;
      if (r.diagnostics.length === 0) silent.push(`…${text.slice(-40)}`);
    }
    expect(lossy).toBeGreaterThan(0);
    expect(silent).toEqual([]);
  }, 120_000);

  it('a value cut at the end of the file: warned, with the line', () => {
    const file = 'fixtures/01_judicial_surgery_fundoplication_two_grades.yaml';
    const text = fs.readFileSync(file, 'utf8').replace(/disabilityGrade: 10\n$/, 'disabilityGrade: 1');
    const r = load(text, file);
    expect(r.ok).toBe(true);
    const d = r.diagnostics.find((x) => x.code === 'PARSE_TRUNCATED')!;
    expect(d.severity).toBe('warning');
    expect(d.message).toContain('可能被截断');
    expect(d.message).toContain('disabilityGrade: 1');
    expect(d.line).toBe(text.split('\n').length);
  });

  it('a quoted value or flow list closes itself: no final newline needed', () => {
    const base = 'fixtures/02_association_obstetrics_pph_mediation.yaml';
    // The fixture's own basis moves to the end, quoted, without its final newline.
    const text = fs.readFileSync(base, 'utf8').trimEnd().replace(/\n {6}basis: [^\n]*(?=\n {6}disabilityGrade: 8$)/, '');
    const quoted = text.replace(/disabilityGrade: 8$/, 'disabilityGrade: 8\n      basis: "依据《人体损伤致残程度分级》5.8.6。"');
    expect(load(quoted, base).diagnostics).toEqual([]);
  });

  it('a block scalar left empty as the last value (cut right after `careAdvice: |`): warned', () => {
    const file = 'fixtures/03_accident_orthopaedics_compartment_syndrome.yaml';
    const text = fs.readFileSync(file, 'utf8');
    const cut = text.slice(0, text.indexOf('careAdvice: |') + 'careAdvice: |\n'.length);
    expect(load(cut, file).diagnostics.map((d) => d.code)).toContain('PARSE_TRUNCATED');
  });

  it('a conclusion that stops mid-sentence is warned about, wherever it comes from', () => {
    const r = diagnose((c) => { c.opinion = { conclusions: ['某某市第一人民医院存在医疗过错。', '该过错与患者损害后果之间存在因果关系，为次要'] }; });
    const d = r.diagnostics.find((x) => x.code === 'OPINION_UNFINISHED_SENTENCE')!;
    expect(d.path).toBe('opinion.conclusions[1]');
    expect(d.message).toContain('没有以句号等标点结束');
    expect(r.diagnostics.filter((x) => x.code === 'OPINION_UNFINISHED_SENTENCE')).toHaveLength(1);
  });
});
