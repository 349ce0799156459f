import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/schema/case.js';
import { codes, diagnose } from '../support/check.js';

const item = (c: CaseInput) => c.causationAnalysis.items[0]!;
const withParticipation = (causation: string, participation: CaseInput['causationAnalysis']['items'][0]['participation']) =>
  codes((c) => Object.assign(item(c), { causation, participation }));

describe('participation ranges (SF/T 0095—2021 Annex A)', () => {
  it.each([
    ['minor', 15, false], ['minor', 16, true], ['minor', 44, true], ['minor', 45, false],
    ['slight', 4, false], ['slight', 5, true], ['slight', 15, true], ['slight', 16, false],
    ['equal', 44, false], ['equal', 45, true], ['equal', 55, true], ['equal', 56, false],
    ['major', 55, false], ['major', 56, true], ['major', 95, true], ['major', 96, false],
    ['complete', 95, false], ['complete', 96, true], ['complete', 100, true],
  ])('%s with %i%% is accepted: %s', (causation, value, ok) => {
    const found = withParticipation(causation, value);
    expect(found.includes('CAUSATION_PARTICIPATION_RANGE')).toBe(!ok);
  });

  it('none must be 0–4%', () => {
    expect(withParticipation('none', 4)).not.toContain('CAUSATION_PARTICIPATION_NONE_RANGE');
    expect(withParticipation('none', 5)).toContain('CAUSATION_PARTICIPATION_NONE_RANGE');
  });

  it('checks both ends of a range and the bound of 不超过', () => {
    expect(withParticipation('minor', '20%~40%')).toEqual([]);
    expect(withParticipation('minor', '10%~20%')).toContain('CAUSATION_PARTICIPATION_RANGE');
    expect(withParticipation('次要作用', '不超过40%')).toEqual([]);
    expect(withParticipation('次要原因', '不超过50%')).toContain('CAUSATION_PARTICIPATION_RANGE');
    expect(withParticipation('minor', { min: 20, max: 30 })).toEqual([]);
  });

  it('rejects unreadable and reversed participation', () => {
    expect(withParticipation('minor', '大约三成')).toContain('CAUSATION_PARTICIPATION_FORMAT');
    expect(withParticipation('minor', '40%~20%')).toContain('CAUSATION_PARTICIPATION_FORMAT');
  });

  it('names the article and the band in the message', () => {
    const d = diagnose((c) => Object.assign(item(c), { participation: 45 })).diagnostics[0]!;
    expect(d.message).toContain('SF/T 0095—2021');
    expect(d.message).toContain('16%～44%');
    expect(d.path).toBe('causationAnalysis.items[0].participation');
  });

  it('refuses a participation when causation is undetermined', () => {
    expect(withParticipation('难以明确', 30)).toContain('CAUSATION_UNDETERMINED_PARTICIPATION');
  });
});

describe('SF/T 0095—2021 §8', () => {
  it('no disability grade without a causal link', () => {
    expect(codes((c) => Object.assign(item(c), { causation: 'none', participation: undefined }))).toContain('SFT_DISABILITY_WITHOUT_CAUSATION');
    expect(codes((c) => Object.assign(item(c), { causation: 'slight', participation: 10 }))).not.toContain('SFT_DISABILITY_WITHOUT_CAUSATION');
  });

  it('no injury degree for minor or slight links, and never a participation', () => {
    const injury = (causation: string, participation?: number) => codes((c) => {
      c.damage.consequences[0] = { id: 'C1', description: '胆管损伤', injuryDegree: '轻伤一级', basis: '依据《人体损伤程度鉴定标准》的规定。' };
      Object.assign(item(c), { causation, participation });
    });
    expect(injury('minor')).toContain('SFT_INJURY_DEGREE_LINK');
    expect(injury('slight')).toContain('SFT_INJURY_DEGREE_LINK');
    expect(injury('major')).toEqual([]);
    expect(injury('major', 75)).toContain('SFT_INJURY_DEGREE_PARTICIPATION');
  });

  it('a causal link needs an established fault', () => {
    expect(codes((c) => { c.faultAnalysis.items[0]!.isFault = false; })).toContain('CAUSATION_WITHOUT_FAULT');
  });
});

describe('aliases', () => {
  it.each(['次要因素', '次要作用', '次要原因', 'minor'])('%s means minor', (alias) => {
    const r = diagnose((c) => { item(c).causation = alias; });
    expect(r.ok).toBe(true);
    expect(r.case!.causationAnalysis.items[0]!.causation).toBe('minor');
  });
});
