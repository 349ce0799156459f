/** Fields named by their Chinese titles in every schema message; the path stays the JSON path. */
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/schema/case.js';
import { describePath, fieldLabel, keysNamed, parsePath } from '../../src/schema/labels.js';
import { elementOf, fieldsOf, titleOf, type AnySchema } from '../../src/schema/walk.js';
import { diagnose } from '../support/check.js';

/** Every object level of the schema: its path (list indices as 0) and its fields. */
function levels(schema: AnySchema, path: PropertyKey[] = []): { path: PropertyKey[]; fields: [string, AnySchema][] }[] {
  const element = elementOf(schema);
  if (element) return levels(element, [...path, 0]);
  const fields = fieldsOf(schema);
  if (fields.length === 0) return [];
  return [{ path, fields }, ...fields.flatMap(([k, s]) => levels(s, [...path, k]))];
}

describe('titles', () => {
  it('every field of the case schema has a title', () => {
    const untitled = levels(caseSchema).flatMap(({ path, fields }) => fields.filter(([, s]) => !titleOf(s)).map(([k]) => [...path, k].join('.')));
    expect(untitled).toEqual([]);
  });

  it('no Chinese name stands for two fields of one level (a Chinese key must be unambiguous)', () => {
    for (const { path, fields } of levels(caseSchema)) {
      for (const [key, s] of fields) {
        const title = titleOf(s)!;
        expect(keysNamed(title, path, fields), `${path.join('.')}.${key}: ${title}`).toEqual([key]);
      }
    }
  });

  it('names fields, list items and list elements', () => {
    expect(describePath('basicInfo.commission.client')).toBe('委托人（basicInfo.commission.client）');
    expect(describePath('faultAnalysis.items[0]')).toBe('第 1 项过错分析（faultAnalysis.items[0]）');
    expect(fieldLabel(parsePath('causationAnalysis.items[1].causation'))).toBe('第 2 项因果关系分析的原因力');
    expect(fieldLabel(parsePath('appraisers[0].name'))).toBe('第 1 项鉴定人的姓名');
    expect(fieldLabel(parsePath('reviewer.name'))).toBe('复核人姓名');
    expect(fieldLabel(parsePath('opinion.conclusions[2]'))).toBe('鉴定意见第 3 项');
    expect(describePath('no.such.field')).toBe('no.such.field');
  });
});

describe('schema diagnostics', () => {
  const one = (edit: Parameters<typeof diagnose>[0], code: string) => {
    const r = diagnose(edit);
    const d = r.diagnostics.find((x) => x.code === code);
    expect(d, JSON.stringify(r.diagnostics)).toBeDefined();
    return d!;
  };

  it('SCHEMA_REQUIRED names the field and where to add it', () => {
    const d = one((c) => { delete (c.basicInfo.commission as Partial<typeof c.basicInfo.commission>).client; }, 'SCHEMA_REQUIRED');
    expect(d.path).toBe('basicInfo.commission.client');
    expect(d.message).toBe('缺少必填字段 委托人（basicInfo.commission.client）：请在委托情况（basicInfo.commission）下写上 client');
  });

  it('SCHEMA_TYPE names the field', () => {
    const d = one((c) => { (c.basicInfo.patient as Record<string, unknown>).age = '五十二'; }, 'SCHEMA_TYPE');
    expect(d.message).toBe('年龄（basicInfo.patient.age）的类型不对：应为数字');
  });

  it('SCHEMA_UNKNOWN_FIELD names the level and the field meant', () => {
    const d = one((c) => { (c.basicInfo.commission as Record<string, unknown>).clent = 'x'; }, 'SCHEMA_UNKNOWN_FIELD');
    expect(d.path).toBe('basicInfo.commission.clent');
    expect(d.message).toBe('委托情况（basicInfo.commission）下有未知字段 clent，是否为 client（委托人）？');
  });

  it('SCHEMA_UNKNOWN_FIELD without a close match lists the fields of that level', () => {
    const d = one((c) => { (c.basicInfo.patient as Record<string, unknown>).remarks = 'x'; }, 'SCHEMA_UNKNOWN_FIELD');
    expect(d.message).toContain('此处可用的字段：name（患者姓名）、sex（性别）、age（年龄）');
  });

  it('a field of several forms says which it takes', () => {
    const d = one((c) => { (c.basicInfo as Record<string, unknown>).summary = 12; }, 'SCHEMA_TYPE');
    expect(d.message).toBe('检案摘要（basicInfo.summary）的格式不对：应为一段文字（每行一段），或由若干段文字组成的列表');
  });

  it('SCHEMA_INVALID_VALUE names the field and keeps the check\'s reason', () => {
    const d = one((c) => { c.report.date = '2026-02-30'; }, 'SCHEMA_INVALID_VALUE');
    expect(d.path).toBe('report.date');
    expect(d.message).toBe('出具日期（report.date）：「2026-02-30」不是有效的日期：2026 年 2 月只有 28 天');
  });
});

describe('the enumeration value meant', () => {
  const causation = (value: string) => {
    const r = diagnose((c) => { c.causationAnalysis.items[0]!.causation = value; });
    return r.diagnostics.find((d) => d.code === 'SCHEMA_INVALID_VALUE')!;
  };

  it('a typo in a Chinese term', () => {
    const d = causation('次要作');
    expect(d.path).toBe('causationAnalysis.items[0].causation');
    expect(d.message).toMatch(/^第 1 项因果关系分析的原因力（causationAnalysis\.items\[0\]\.causation）的值「次要作」无效，是否为「次要作用」（minor）？可选：完全因素（complete）、主要因素（major）/);
  });

  it('a shortened Chinese term', () => expect(causation('次要').message).toContain('是否为「次要因素」（minor）？'));
  it('a typo in a code', () => expect(causation('mnior').message).toContain('是否为「minor」（次要因素）？'));
  it('no guess when the word fits several values', () => expect(causation('因素').message).not.toContain('是否为'));
  it('the choices are compact: one Chinese term per code', () => {
    const m = causation('很大').message;
    expect(m).toContain('可选：完全因素（complete）、主要因素（major）、同等因素（equal）、次要因素（minor）、轻微因素（slight）、无因果关系（none）、难以明确（undetermined），或其他同义的中文写法');
    expect(m).not.toContain('完全作用');
  });
});
