/** One consequence, one set of faults, one causal finding: two contradictory findings must not both be printed. */
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/schema/case.js';
import { diagnose } from '../support/check.js';

type Item = CaseInput['causationAnalysis']['items'][number];
const item = (over: Partial<Item>): Item => ({ consequence: 'C1', faults: ['F1'], causation: 'minor', participation: 30, analysis: '分析。', ...over });

function withItems(items: Item[], twoInstitutions = false) {
  return diagnose((c) => {
    c.causationAnalysis.items = items;
    if (twoInstitutions) {
      c.basicInfo.medicalInstitutions.push({ id: 'H2', name: '某某县人民医院' });
      c.faultAnalysis.items.push({ id: 'F2', institution: 'H2', conduct: '转诊延误', isFault: true, analysis: '未及时转诊。' });
    }
  });
}

const duplicates = (r: ReturnType<typeof diagnose>) => r.diagnostics.filter((d) => d.code === 'CAUSATION_DUPLICATE_CONSEQUENCE');

describe('the same consequence analysed twice (CAUSATION_DUPLICATE_CONSEQUENCE)', () => {
  it('次要 ≤40% and 主要 60% for the same consequence and fault: an error naming both items', () => {
    const r = withItems([item({ causation: '次要因素', participation: '不超过40%' }), item({ causation: '主要因素', participation: 60 })]);
    expect(r.ok).toBe(false);
    const [d, ...more] = duplicates(r);
    expect(more).toEqual([]);
    expect(d!.severity).toBe('error');
    expect(d!.path).toBe('causationAnalysis.items[1].consequence');
    expect(d!.message).toContain('causationAnalysis.items[0]');
    expect(d!.message).toContain('causationAnalysis.items[1]');
    expect(d!.message).toContain('次要因素');
    expect(d!.message).toContain('主要因素');
    expect(d!.message).toContain('《江苏省医疗损害鉴定管理办法》第二十五条');
    expect(d!.line).toBeGreaterThan(0);
  });

  it('the same finding written twice is an error too: the opinion would state it twice', () => {
    expect(duplicates(withItems([item({}), item({})]))).toHaveLength(1);
  });

  it('an item without faults stands for all of them, so it overlaps any other', () => {
    expect(duplicates(withItems([item({ faults: [] }), item({ causation: 'major', participation: 60 })]))).toHaveLength(1);
  });

  it('separate faults of separate institutions for one consequence are allowed (Art. 25: each institution its share)', () => {
    const r = withItems([item({}), item({ faults: ['F2'], causation: 'slight', participation: 10 })], true);
    expect(duplicates(r)).toEqual([]);
    expect(r.ok, JSON.stringify(r.diagnostics)).toBe(true);
  });

  it('overlapping fault sets for one consequence are not', () => {
    expect(duplicates(withItems([item({ faults: ['F1'] }), item({ faults: ['F1', 'F2'], causation: 'major', participation: 60 })], true))).toHaveLength(1);
  });

  it('different consequences are independent', () => {
    const r = diagnose((c) => {
      c.damage.consequences.push({ id: 'C2', description: '切口感染' });
      c.causationAnalysis.items.push(item({ consequence: 'C2', causation: 'major', participation: 60 }));
    });
    expect(duplicates(r)).toEqual([]);
  });
});
