/**
 * Issue 18, point 3: recusal (Art. 18) by structure, not by string — an affiliation with a
 * department after the treating institution's name, an institution id, a treating doctor the
 * record names, a person attending for either side; in all three kinds.
 */
import { describe, expect, it } from 'vitest';
import { normaliseInstitution } from '../../src/rules/recusalRules.js';
import { codes } from '../support/check.js';
import { KINDS, text } from './support.js';

describe.each(KINDS)('PANEL_RECUSAL (%s)', (_kind, toKind) => {
  const recused = (edit: Parameters<typeof codes>[0] & object) => codes((c) => { toKind(c); edit(c); }).filter((x) => x === 'PANEL_RECUSAL');
  it('accepts a panel unconnected to the case', () => expect(recused(() => {})).toEqual([]));
  it('catches a department of the treating institution', () => {
    expect(recused((c) => { c.panel.experts[1]!.affiliation = '某某市第一人民医院普外科'; })).toEqual(['PANEL_RECUSAL']);
    expect(recused((c) => { c.panel.experts[1]!.affiliation = '某某市第一人民医院 （东院区）肝胆外科'; })).toEqual(['PANEL_RECUSAL']);
  });
  it('does not confuse another hospital whose name begins alike', () => {
    expect(recused((c) => { c.panel.experts[1]!.affiliation = '某某市第一人民医院集团'.replace('第一', '第十一'); })).toEqual([]);
  });
  it('catches the structured link to a case institution', () => {
    expect(recused((c) => { delete c.panel.experts[1]!.affiliation; c.panel.experts[1]!.institution = 'H1'; })).toEqual(['PANEL_RECUSAL']);
  });
  it('catches a treating doctor the record names', () => {
    expect(recused((c) => { c.basicInfo.treatment[0]!.doctors = ['钱某某']; })).toEqual(['PANEL_RECUSAL']);
    expect(recused((c) => { c.basicInfo.treatment[0]!.doctors = ['李某某']; })).toEqual([]);
  });
  it('catches a person attending the hearing for a side', () => {
    expect(recused((c) => { c.process.hearing.medicalSide = [{ name: '钱某某', role: '医务科科长' }]; })).toEqual(['PANEL_RECUSAL']);
  });
});

describe('the link is printed', () => {
  it('treating doctors under the treatment record', () => {
    expect(text((c) => { c.basicInfo.treatment[0]!.doctors = ['李某某', '周某']; })).toContain('经治医师：李某某、周某。');
  });
  it('normalises width, spaces and a bracketed campus', () => {
    expect(normaliseInstitution('某某市第二人民医院（北院区）')).toBe('某某市第二人民医院');
    expect(normaliseInstitution('某某市 第二人民医院')).toBe('某某市第二人民医院');
  });
});
