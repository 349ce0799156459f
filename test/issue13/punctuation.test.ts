/**
 * Issue 13: user text ending (or starting) in punctuation is wrapped into composed sentences
 * without doubling it (「…书面告知委托人。，本机构于…」). Property: whatever marks end every
 * inserted field, no composed paragraph holds two clause or sentence marks in a row.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentTree } from '../../src/document/tree.js';
import { sentence, clause } from '../../src/enrich/sentence.js';
import type { CaseInput } from '../../src/schema/case.js';
import { build as buildWith } from '../templates/support.js';

const RUNS = Number(process.env.JIANDING_PROPERTY_RUNS ?? 40);
const MARKS = ['', '。', '；', '，', '、', '：', '.', ';', ',', '。。', '；。', ' 。', '！'];
const mark = fc.constantFrom(...MARKS);
const DOUBLED = /[。；，、：;,][。；，、：.;,]|[.][。；，、：;,]/u;

/** Every field the templates wrap into a sentence of their own, with its end mark. */
const fields = fc.record({
  reason: mark, delay: mark, cause: mark, conduct: mark, finding: mark, norm: mark,
  description: mark, advice: mark, accidentReason: mark, place: mark, address: mark, lead: fc.constantFrom('', '，', '。'),
});
type Ends = typeof fields extends fc.Arbitrary<infer T> ? T : never;

function edit(kind: 'association' | 'accident', e: Ends) {
  return (c: CaseInput) => {
    if (kind === 'accident') {
      c.report.kind = 'accident';
      c.institution.shortName = '某医鉴';
      c.report.documentNumber = '某医鉴〔2026〕7号';
      Object.assign(c.basicInfo.commission, { setting: 'negotiation', commissionedBy: 'both' });
      c.damage.accident = { isAccident: false, reason: `医方的过失行为未造成医疗事故分级标准所列的人身损害${e.accidentReason}` };
    }
    c.report.date = '2026-06-30';
    c.process.extension = { workingDays: 30, notifiedDate: '2026-04-10', reason: `${e.lead}本案需补充影像资料会诊${e.reason}` };
    c.process.delayReason = `专家因病不能参加合议${e.delay}`;
    c.process.hearing.place = `某某市医学会第一会议室${e.place}`;
    c.basicInfo.patient.address = `某某市某某路2号${e.address}`;
    c.damage.death = { date: '2025-10-30', autopsy: false, causeOfDeath: `临床考虑急性肺栓塞${e.cause}` };
    c.causationAnalysis.items[0]!.analysis = '依据临床资料，临床考虑医方延误处理起次要作用。';
    Object.assign(c.faultAnalysis.items[0]!, { conduct: `术后引流液观察${e.conduct}`, finding: `${e.lead}引流液性状改变未及时处理${e.finding}`, norm: `《临床诊疗指南·普通外科分册》${e.norm}` });
    c.damage.consequences[0]!.description = `胆漏致腹腔感染，再次手术${e.description}`;
    c.damage.careAdvice = [`定期复查肝功能${e.advice}`, `1. 如有腹痛及时就诊${e.advice}`];
  };
}

/** Paragraphs the templates compose (the user's own analysis paragraphs are printed as written). */
function composed(tree: DocumentTree): string[] {
  return tree.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'paragraph' ? [b.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('')] : []));
}

describe('punctuation at the ends of inserted fields is never doubled', () => {
  it.each(['association', 'accident'] as const)('%s', (kind) => {
    fc.assert(fc.property(fields, (e) => {
      const doubled = composed(buildWith(undefined, edit(kind, e)).tree).filter((p) => DOUBLED.test(p));
      expect(doubled).toEqual([]);
    }), { numRuns: RUNS });
  });

  it('clause() and sentence() strip what a field ends with, and keep ？！', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 8 }).filter((s) => /\p{L}$/u.test(s)), mark, (body, end) => {
      expect(clause(`${body}${end}`)).toBe(clause(body));
      if (!end.includes('！')) expect(sentence(`${body}${end}`)).toBe(`${clause(body)}。`);
    }), { numRuns: RUNS * 5 });
    expect(sentence('是否存在过错？')).toBe('是否存在过错？');
  });
});
