import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/schema/case.js';
import { codes, diagnose } from '../support/check.js';

const accident = (c: CaseInput) => {
  c.report.kind = '医疗事故技术鉴定书';
  c.report.documentNumber = '某医鉴〔2026〕15号';
  c.institution.shortName = '某医鉴';
  c.damage.accident = { isAccident: true, grade: '三级戊等', responsibility: '次要责任' };
};

describe('death without autopsy (Art. 24 para 3)', () => {
  const died = (c: CaseInput) => { c.damage.death = { date: '2025-10-30', autopsy: false }; };
  it('accepts auto-composed conclusions', () => expect(codes(died)).toEqual([]));
  it('refuses overriding conclusions without the clinical wording', () => {
    expect(codes((c) => { died(c); c.opinion = { conclusions: ['医方过错与患者死亡存在因果关系，为次要因素。'] }; })).toContain('AUTOPSY_CAVEAT_MISSING');
    expect(codes((c) => { died(c); c.opinion = { conclusions: ['依据临床资料，医方过错与患者死亡存在因果关系，为次要因素。'] }; })).not.toContain('AUTOPSY_CAVEAT_MISSING');
  });
  it('does not apply when an autopsy was done', () => {
    expect(codes((c) => { c.damage.death = { date: '2025-10-30', autopsy: true }; c.opinion = { conclusions: ['存在因果关系。'] }; })).not.toContain('AUTOPSY_CAVEAT_MISSING');
  });
});

describe('medical accident grades (2002 standard)', () => {
  it('accepts a grade that matches the disability grade', () => expect(codes(accident)).toEqual([]));
  it('refuses a grade that contradicts the disability grade', () => {
    expect(codes((c) => { accident(c); c.damage.accident!.grade = '三级丙等'; })).toContain('ACCIDENT_GRADE_DISABILITY_MISMATCH');
  });
  it('一级甲等 only with death, and death only as 一级甲等', () => {
    expect(codes((c) => { accident(c); c.damage.accident!.grade = '一级甲等'; })).toContain('ACCIDENT_DEATH_GRADE');
    expect(codes((c) => { accident(c); c.damage.death = { date: '2025-10-30', autopsy: true }; })).toContain('ACCIDENT_DEATH_GRADE');
  });
  it('an accident needs grade and responsibility', () => {
    expect(codes((c) => { accident(c); delete c.damage.accident!.responsibility; })).toContain('ACCIDENT_RESPONSIBILITY_MISSING');
    expect(codes((c) => { accident(c); delete c.damage.accident; })).toContain('ACCIDENT_SECTION_MISSING');
  });
});

describe('document number and citations', () => {
  it.each([
    ['苏某司鉴〔2026〕临鉴字第12号', false], ['苏某司鉴[2026]临鉴字第12号', false], ['苏某司鉴【2026】临鉴字第12号', false], ['某医损鉴〔2026〕7号', false],
    ['苏某司鉴〔2026〕临鉴字第012号', true], ['苏某司鉴〔26〕临鉴字第12号', true], ['2026-12', true],
  ])('%s malformed: %s', (documentNumber, bad) => {
    expect(codes((c) => { c.report.documentNumber = documentNumber; c.institution.shortName = undefined; }).includes('DOCNO_FORMAT')).toBe(bad);
  });

  // GB/T 9704—2012 §7.2.4: the year in 六角括号; square brackets are read but warned about, by name.
  it.each([
    ['苏某司鉴〔2026〕临鉴字第12号', null], ['苏某司鉴[2026]临鉴字第12号', '[2026]'],
    ['苏某司鉴［2026］临鉴字第12号', '［2026］'], ['苏某司鉴【2026】临鉴字第12号', '【2026】'],
  ])('%s: year brackets %s', (documentNumber, wrong) => {
    const found = diagnose((c) => { c.report.documentNumber = documentNumber; c.institution.shortName = undefined; }).diagnostics;
    expect(found.map((d) => d.code)).toEqual(wrong ? ['DOCNO_BRACKET'] : []);
    if (wrong) {
      expect(found[0]!.severity).toBe('warning');
      expect(found[0]!.path).toBe('report.documentNumber');
      expect(found[0]!.message).toContain(`「${wrong}」`);
      expect(found[0]!.message).toContain('〔2026〕');
      expect(found[0]!.message).toContain('GB/T 9704—2012');
    }
  });

  it('warns on a replaced law after its replacement date, naming the successor', () => {
    expect(codes((c) => { c.citations = ['《中华人民共和国侵权责任法》']; })).toEqual(['CITATION_REPLACED']);
    expect(codes((c) => { c.faultAnalysis.items[0]!.norm = '《执业医师法》第二十四条'; })).toEqual(['CITATION_REPLACED']);
    expect(codes((c) => { c.citations = ['《最高人民法院关于审理医疗损害责任纠纷案件适用法律若干问题的解释》']; })).toEqual(['CITATION_AMENDED']);
  });
});

describe('accident appraisals need a fault, a link and matching grades (医疗事故处理条例 Art. 2; 2002 standard)', () => {
  it('no accident without a fault or without a causal link', () => {
    expect(codes((c) => { accident(c); c.faultAnalysis.items[0]!.isFault = false; c.causationAnalysis.items[0]!.causation = 'none'; delete c.causationAnalysis.items[0]!.participation; delete c.damage.consequences[0]!.disabilityGrade; })).toContain('ACCIDENT_WITHOUT_FAULT');
  });
  it('四级 has no disability grade', () => {
    expect(codes((c) => { accident(c); c.damage.accident!.grade = '四级'; })).toContain('ACCIDENT_GRADE_DISABILITY_MISMATCH');
  });
  it('warns when the responsibility does not match the strongest causal link', () => {
    expect(codes((c) => { accident(c); c.damage.accident!.responsibility = '主要责任'; })).toEqual(['ACCIDENT_RESPONSIBILITY_CAUSATION']);
  });
});

describe('overriding conclusions after death without autopsy (Art. 24 para 3)', () => {
  const died = (c: CaseInput) => { c.damage.death = { date: '2025-10-30', autopsy: false }; };
  it('must state that the cause of death is unknown', () => {
    expect(codes((c) => { died(c); c.opinion = { conclusions: ['依据临床资料，临床考虑医方过错与患者死亡存在因果关系，为次要因素。'] }; })).toEqual(['AUTOPSY_STATEMENT_MISSING']);
  });
  it('an undetermined link needs the statement but no clinical-judgement words', () => {
    const undetermined = (c: CaseInput) => { died(c); c.causationAnalysis.items[0]!.causation = '难以明确'; delete c.causationAnalysis.items[0]!.participation; delete c.damage.consequences[0]!.disabilityGrade; };
    expect(codes((c) => { undetermined(c); c.opinion = { conclusions: ['患者死亡后未行尸体解剖，死亡原因不明，医方过错与患者死亡之间的因果关系难以明确。'] }; })).toEqual([]);
  });
});

describe('more procedure', () => {
  it('the mediation committee does not commission (Art. 8)', () => {
    expect(codes((c) => Object.assign(c.basicInfo.commission, { setting: '人民调解', commissionedBy: '调解委员会' }))).toContain('SCHEMA_INVALID_VALUE');
  });
  it('an agreed deadline replaces the 30 working days (Art. 26)', () => {
    expect(codes((c) => { c.report.date = '2026-06-30'; c.process.agreedDeadline = '2026-07-15'; })).toEqual([]);
    expect(codes((c) => { c.report.date = '2026-06-30'; c.process.agreedDeadline = '2026-06-15'; })).toEqual(['DATE_REPORT_DEADLINE', 'DATE_REPORT_DELAY_UNEXPLAINED']);
  });
  it('a graded consequence needs a causation analysis (SF/T 0095 §8)', () => {
    expect(codes((c) => { c.damage.consequences.push({ id: 'C2', description: '切口疝', disabilityGrade: 10, basis: '依据《人体损伤致残程度分级》5.10。' }); })).toEqual(['GRADE_WITHOUT_CAUSATION']);
  });
  it('replaced standards are found in the grading basis too', () => {
    expect(codes((c) => { c.damage.consequences[0]!.basis = '依据《道路交通事故受伤人员伤残评定》4.10.1。'; })).toEqual(['CITATION_REPLACED']);
  });
});
